/**
 * The web UI's words in French and English: one catalogue, read by the server's pages and sent to
 * the browser's scripts. A key missing in one language is a type error, so nothing shows untranslated.
 */
import type { Lang } from '../tools/context.ts';

const fr = {
  appName: 'Comptoir',
  navChat: 'Discussion', navApprovals: 'Approbations', navDocuments: 'Documents', navBank: 'Banque', navDashboards: 'Tableaux de bord', navSettings: 'Paramètres',
  logout: 'Se déconnecter', otherLang: 'English', otherLangCode: 'en',
  role_admin: 'Administrateur', role_manager: 'Gestionnaire', role_buyer: 'Acheteur', role_accountant: 'Comptable', role_viewer: 'Lecteur',
  loginTitle: 'Connexion', email: 'Courriel', password: 'Mot de passe', signIn: 'Se connecter', loginInvalid: 'Courriel ou mot de passe incorrect.',
  loginTooMany: 'Trop de tentatives de connexion. Réessayez dans {minutes} minute(s).', chooseCompany: 'Choisissez l’entreprise', chooseLead: 'Ce courriel ouvre plusieurs entreprises. Laquelle ?',
  loginExpired: 'Ce choix a expiré : reconnectez-vous.', loginLead: 'Achats et facturation, faits par l’IA, approuvés par vous.',
  chatPlaceholder: 'Écrivez une demande, ex. « Commande 10 chaises chez Bureau Plus », ou /help', send: 'Envoyer', newChat: 'Nouvelle discussion',
  history: 'Historique', noHistory: 'Aucune discussion pour l’instant.', thinking: 'Réflexion…', you: 'Vous', assistant: 'Comptoir',
  dropHere: 'Déposez une facture ici (PDF, image ou XML)', dropUploading: 'Envoi de {name}…', uploadedFile: 'Fichier : {name}', uploadReceived: 'Document reçu : {name} ({status}).',
  uploadExtracted: 'Lecture de {name} : {status}, confiance {confidence}.', uploadNotReadYet: 'La lecture automatique des factures n’est pas encore disponible : le document est conservé tel quel.',
  viewerReadOnly: 'Accès en lecture seule : vous pouvez discuter et consulter, pas modifier.',
  modelNone: 'Aucun modèle d’IA configuré : seules les commandes fonctionnent (/help).', modelLabel: 'Modèle : {label}',
  actionNumber: 'Action n° {n}', toolOk: 'réussi', toolFailed: 'refusé ou en échec', toolRunning: 'en cours…', confidence: 'confiance', action: 'Action',
  status_pending_approval: 'en attente d’approbation', status_executed: 'exécutée', status_failed: 'en échec', status_rejected: 'refusée', status_expired: 'expirée', status_undone: 'annulée', status_approved: 'approuvée', status_proposed: 'proposée',
  approvalsTitle: 'Actions en attente d’approbation', approvalsEmpty: 'Rien n’attend votre décision.', approve: 'Approuver', reject: 'Refuser', edit: 'Modifier',
  approveEdited: 'Approuver avec ces modifications', cancel: 'Annuler', bulkApprove: 'Approuver la sélection', bulkDone: '{approved} approuvée(s), {refused} refusée(s) par la politique.',
  colNumber: 'N°', colTool: 'Action', colAmount: 'Montant', colConfidence: 'Confiance', colLevel: 'Niveau', colBy: 'Demandée par', colStatus: 'Statut', colWhy: 'Motif', colDate: 'Date',
  colAiConfidence: 'Confiance de l’IA', decided_approved: 'approuvée par {name}', decided_rejected: 'refusée par {name}', decided_self: 'exécutée par {name}', decided_automatic: 'exécutée d’office',
  undo: 'Annuler l’action', undoOf: 'Annulation de l’action n° {n}', undoConfirm: 'Annuler l’action n° {n} ? Ce qu’elle a fait sera défait.',
  byAi: 'IA', byPerson: 'personne', evidence: 'Éléments de preuve', recentActivity: 'Activité récente', noteLabel: 'Note', invalidJson: 'JSON invalide : {error}', reasonLine: 'Motif : {text}',
  documentsTitle: 'Documents reçus', documentsEmpty: 'Aucun document pour l’instant. Déposez une facture dans la discussion, ou envoyez-la par courriel.',
  colFile: 'Fichier', colSource: 'Source', colSize: 'Taille', extracted: 'Champs lus', notExtracted: 'Pas encore lu.', source_upload: 'dépôt', source_email: 'courriel', source_mcp: 'MCP', source_api: 'API',
  doc_received: 'reçu', doc_reading: 'en lecture', doc_extracted: 'lu', doc_proposed: 'proposé', doc_booked: 'comptabilisé', doc_failed: 'en échec', doc_quarantined: 'en quarantaine',
  bankTitle: 'Banque', bankImport: 'Importer un relevé (camt, MT940, OFX, CSV) :', bankImporting: 'Import en cours…', bankAccounts: 'Comptes', bankTransactions: 'Opérations',
  bankEmpty: 'Aucun compte bancaire importé.', colAccount: 'Compte', colDescription: 'Libellé', colCounterparty: 'Contrepartie', colInstitution: 'Institution', colCurrency: 'Devise',
  tx_unmatched: 'non rapprochée', tx_matched: 'rapprochée', tx_ignored: 'ignorée',
  dashboardsTitle: 'Tableaux de bord', dashboardsNone: 'Les tableaux de bord ne sont pas encore disponibles : les outils d’analyse n’existent pas encore dans Comptoir.', dashboardFailed: 'Indisponible : {error}', dashboardDetails: 'Détails (données)',
  settingsTitle: 'Paramètres', settingsCompany: 'Entreprise', settingsAdminOnly: 'Seul un administrateur peut modifier ces paramètres.', save: 'Enregistrer',
  automationLevel: 'Niveau d’automatisation', level_manual: 'Manuel — l’IA ne fait rien seule', level_assisted: 'Assisté — brouillons seulement', level_supervised: 'Supervisé — seule si confiance et montant le permettent', level_full: 'Complet — seule sous le plafond',
  aiEnabled: 'IA activée', confidenceThreshold: 'Seuil de confiance (supervisé)', confidenceFloor: 'Plancher de confiance (complet)', hardCap: 'Plafond absolu des actions de l’IA',
  approvalLevels: 'Seuils d’approbation (niveaux 1, 2, 3)', approvalExpiryHours: 'Délai d’approbation (heures)', expiryBehaviour: 'À l’échéance', expiry_expire: 'expirer', expiry_escalate: 'escalader d’un niveau',
  usersTitle: 'Personnes et rôles', colName: 'Nom', colRole: 'Rôle', colActive: 'Active', colAiLimit: 'Limite IA', tokensTitle: 'Jetons d’API', tokenName: 'Nom du jeton', createToken: 'Créer un jeton',
  tokenShownOnce: 'Copiez ce jeton maintenant : il ne sera plus jamais affiché.', revoke: 'Révoquer', revoked: 'révoqué', colPrefix: 'Début', colLastUsed: 'Dernier usage', never: 'jamais', tokensEmpty: 'Aucun jeton.',
  inboundTitle: 'Adresse de réception des factures', inboundLead: 'Transférez les factures des fournisseurs à cette adresse :', yes: 'oui', no: 'non', error: 'Erreur',
  notAvailable: 'Pas encore disponible.',
};

const en: typeof fr = {
  appName: 'Comptoir',
  navChat: 'Chat', navApprovals: 'Approvals', navDocuments: 'Documents', navBank: 'Bank', navDashboards: 'Dashboards', navSettings: 'Settings',
  logout: 'Log out', otherLang: 'Français', otherLangCode: 'fr',
  role_admin: 'Administrator', role_manager: 'Manager', role_buyer: 'Buyer', role_accountant: 'Accountant', role_viewer: 'Viewer',
  loginTitle: 'Log in', email: 'Email', password: 'Password', signIn: 'Log in', loginInvalid: 'Wrong email or password.',
  loginTooMany: 'Too many login attempts. Try again in {minutes} minute(s).', chooseCompany: 'Choose the company', chooseLead: 'This email opens several companies. Which one?',
  loginExpired: 'This choice has expired: please log in again.', loginLead: 'Purchasing and invoicing, done by AI, approved by you.',
  chatPlaceholder: 'Type a request, e.g. "Order 10 chairs from Bureau Plus", or /help', send: 'Send', newChat: 'New chat',
  history: 'History', noHistory: 'No conversations yet.', thinking: 'Thinking…', you: 'You', assistant: 'Comptoir',
  dropHere: 'Drop a bill here (PDF, image or XML)', dropUploading: 'Uploading {name}…', uploadedFile: 'File: {name}', uploadReceived: 'Document received: {name} ({status}).',
  uploadExtracted: 'Read {name}: {status}, confidence {confidence}.', uploadNotReadYet: 'Automatic reading of bills is not available yet: the document is kept as received.',
  viewerReadOnly: 'Read-only access: you can chat and look, not change anything.',
  modelNone: 'No AI model configured: only commands work (/help).', modelLabel: 'Model: {label}',
  actionNumber: 'Action #{n}', toolOk: 'done', toolFailed: 'refused or failed', toolRunning: 'running…', confidence: 'confidence', action: 'Action',
  status_pending_approval: 'pending approval', status_executed: 'executed', status_failed: 'failed', status_rejected: 'rejected', status_expired: 'expired', status_undone: 'undone', status_approved: 'approved', status_proposed: 'proposed',
  approvalsTitle: 'Actions awaiting approval', approvalsEmpty: 'Nothing awaits your decision.', approve: 'Approve', reject: 'Reject', edit: 'Edit',
  approveEdited: 'Approve with these changes', cancel: 'Cancel', bulkApprove: 'Approve selected', bulkDone: '{approved} approved, {refused} refused by the policy.',
  colNumber: '#', colTool: 'Action', colAmount: 'Amount', colConfidence: 'Confidence', colLevel: 'Level', colBy: 'Requested by', colStatus: 'Status', colWhy: 'Reason', colDate: 'Date',
  colAiConfidence: 'AI confidence', decided_approved: 'approved by {name}', decided_rejected: 'rejected by {name}', decided_self: 'executed by {name}', decided_automatic: 'executed automatically',
  undo: 'Undo', undoOf: 'Undo of action #{n}', undoConfirm: 'Undo action #{n}? What it did will be reversed.',
  byAi: 'AI', byPerson: 'person', evidence: 'Evidence', recentActivity: 'Recent activity', noteLabel: 'Note', invalidJson: 'Invalid JSON: {error}', reasonLine: 'Reason: {text}',
  documentsTitle: 'Documents received', documentsEmpty: 'No documents yet. Drop a bill in the chat, or forward it by email.',
  colFile: 'File', colSource: 'Source', colSize: 'Size', extracted: 'Fields read', notExtracted: 'Not read yet.', source_upload: 'upload', source_email: 'email', source_mcp: 'MCP', source_api: 'API',
  doc_received: 'received', doc_reading: 'reading', doc_extracted: 'read', doc_proposed: 'proposed', doc_booked: 'booked', doc_failed: 'failed', doc_quarantined: 'quarantined',
  bankTitle: 'Bank', bankImport: 'Import a statement (camt, MT940, OFX, CSV):', bankImporting: 'Importing…', bankAccounts: 'Accounts', bankTransactions: 'Transactions',
  bankEmpty: 'No bank account imported.', colAccount: 'Account', colDescription: 'Description', colCounterparty: 'Counterparty', colInstitution: 'Institution', colCurrency: 'Currency',
  tx_unmatched: 'unmatched', tx_matched: 'matched', tx_ignored: 'ignored',
  dashboardsTitle: 'Dashboards', dashboardsNone: 'Dashboards are not available yet: Comptoir has no analytics tools yet.', dashboardFailed: 'Unavailable: {error}', dashboardDetails: 'Details (data)',
  settingsTitle: 'Settings', settingsCompany: 'Company', settingsAdminOnly: 'Only an administrator can change these settings.', save: 'Save',
  automationLevel: 'Automation level', level_manual: 'Manual — the AI does nothing alone', level_assisted: 'Assisted — drafts only', level_supervised: 'Supervised — alone when confidence and amount allow', level_full: 'Full — alone under the hard cap',
  aiEnabled: 'AI enabled', confidenceThreshold: 'Confidence threshold (supervised)', confidenceFloor: 'Confidence floor (full)', hardCap: 'Hard cap for AI actions',
  approvalLevels: 'Approval thresholds (levels 1, 2, 3)', approvalExpiryHours: 'Approval deadline (hours)', expiryBehaviour: 'At the deadline', expiry_expire: 'expire', expiry_escalate: 'escalate one level',
  usersTitle: 'People and roles', colName: 'Name', colRole: 'Role', colActive: 'Active', colAiLimit: 'AI limit', tokensTitle: 'API tokens', tokenName: 'Token name', createToken: 'Create a token',
  tokenShownOnce: 'Copy this token now: it will never be shown again.', revoke: 'Revoke', revoked: 'revoked', colPrefix: 'Starts with', colLastUsed: 'Last used', never: 'never', tokensEmpty: 'No tokens.',
  inboundTitle: 'Inbound address for bills', inboundLead: 'Forward supplier bills to this address:', yes: 'yes', no: 'no', error: 'Error',
  notAvailable: 'Not available yet.',
};

export type MessageKey = keyof typeof fr;
export const catalogue: Record<Lang, Record<MessageKey, string>> = { fr, en };

/** A message with its {placeholders} filled. */
export function tr(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return catalogue[lang][key].replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? `{${name}}`));
}
