/**
 * Names of the registry's tools and evidence factors, for the UI. Tools define their titles in English
 * (one definition, read by models and MCP clients); a person reading in French sees these instead.
 * Unknown names fall back to the tool's own words.
 */
export const frenchToolTitles: Record<string, string> = {
  actions_list: 'Lister les actions', actions_get: "Voir une action et son historique",
  purchasing_find_suppliers: 'Chercher des fournisseurs', purchasing_create_supplier: 'Créer un fournisseur', purchasing_update_supplier: 'Modifier un fournisseur',
  purchasing_list_categories: 'Lister les catégories de produits', purchasing_create_category: 'Créer une catégorie de produits',
  purchasing_find_products: 'Chercher des produits', purchasing_create_product: 'Créer un produit', purchasing_update_product: 'Modifier un produit',
  purchasing_create_order: 'Créer un bon de commande', purchasing_get_order: 'Voir un bon de commande', purchasing_list_orders: 'Lister les bons de commande',
  purchasing_submit_order: 'Soumettre un bon de commande pour approbation', purchasing_send_order: 'Envoyer un bon de commande au fournisseur',
  purchasing_confirm_order: 'Enregistrer la confirmation du fournisseur', purchasing_receive_items: 'Réceptionner des articles',
  purchasing_cancel_order: 'Annuler un bon de commande', purchasing_complete_order: 'Clore un bon de commande',
  bills_record_supplier_bill: 'Enregistrer une facture fournisseur', bills_get_bill: 'Voir une facture fournisseur', bills_list_bills: 'Lister les factures fournisseurs',
  bills_approve_bill: 'Approuver le paiement d’une facture fournisseur', bills_pay_bill: 'Enregistrer le paiement d’une facture fournisseur',
  invoicing_find_clients: 'Chercher des clients', invoicing_create_client: 'Créer un client', invoicing_update_client: 'Modifier un client',
  invoicing_create_invoice: 'Créer une facture (brouillon)', invoicing_update_draft: 'Modifier une facture brouillon', invoicing_get_invoice: 'Voir une facture',
  invoicing_list_invoices: 'Lister les factures', invoicing_get_invoice_pdf: 'Obtenir le PDF d’une facture', invoicing_send_invoice: 'Envoyer une facture par courriel',
  invoicing_mark_viewed: 'Noter que le client a vu la facture', invoicing_record_payment: 'Enregistrer un paiement reçu', invoicing_cancel_invoice: 'Annuler une facture',
  invoicing_create_credit_note: 'Émettre une note de crédit', invoicing_create_recurring: 'Créer une facture récurrente', invoicing_list_recurring: 'Lister les factures récurrentes',
  invoicing_stop_recurring: 'Arrêter une facture récurrente',
  analytics_spend: 'Analyse des dépenses', analytics_ar_aging: 'Âge des comptes clients et DSO', analytics_cash_flow_forecast: 'Prévision de trésorerie sur 13 semaines',
  analytics_supplier_performance: 'Performance des fournisseurs', analytics_ai_dashboard: "Tableau de bord de l'IA",
  banking_import_statement: 'Importer un relevé bancaire', banking_suggest_matches: 'Proposer des rapprochements bancaires',
  banking_reconcile_transaction: 'Rapprocher une opération bancaire d’une facture', banking_ignore_transaction: 'Ignorer une opération bancaire',
  settings_get: 'Voir les paramètres', settings_update: 'Modifier les paramètres', settings_list_users: 'Lister les personnes', settings_update_user: 'Modifier le rôle ou les limites d’une personne',
};

/**
 * The name of each evidence factor (tools' `factor` keys), in both languages: the inbox shows it before
 * the factor's detail, which is written in the language of the person the action was for, so a
 * manager reading in the other language still sees what each line is about.
 */
export const evidenceLabels: Record<'fr' | 'en', Record<string, string>> = {
  fr: {
    model_self_assessment: 'Auto-évaluation du modèle', person_request: 'Demande directe',
    supplier_exact: 'Fournisseur identifié exactement', supplier_fuzzy: 'Fournisseur identifié approximativement', client_exact: 'Client identifié exactement',
    invoice_exact: 'Facture identifiée exactement', totals_match: 'Les totaux concordent', totals_consistent: 'Totaux cohérents', totals_inconsistent: 'Totaux incohérents',
    three_way_match: 'Rapprochement commande–réception–facture concordant', three_way_match_tolerance: 'Rapprochement à trois dans la tolérance', three_way_mismatch: 'Écart au rapprochement à trois',
    tax_differs: 'Les taxes diffèrent du calcul', possible_duplicate: 'Doublon possible', no_purchase_order: 'Aucun bon de commande', lines_differ_from_subtotal: 'Les lignes ne font pas le sous-total',
    within_credit_limit: 'Dans la limite de crédit', credit_limit_exceeded: 'Limite de crédit dépassée', recipient_on_file: 'Destinataire connu', recipient_not_on_file: 'Destinataire inconnu',
    client_email_on_file: 'Courriel du client connu', partial_payment: 'Paiement partiel', amount_matches_balance: 'Le montant correspond au solde', amount_usual: 'Montant habituel', amount_above_usual: 'Montant inhabituellement élevé',
    reminder_step_due: 'Étape de relance atteinte',
    amount_equals_balance: 'Le montant égale le solde', partial_amount: 'Montant partiel du solde', number_in_text: 'Numéro de facture dans le libellé bancaire',
    name_matches: 'Le nom correspond', name_partly_matches: 'Le nom correspond en partie', date_plausible: 'Date plausible', before_document: 'Opération antérieure à la pièce',
    statement_unbalanced: 'Le relevé ne s’équilibre pas',
    document_read: 'Lecture du document', check_required_fields: 'Champs obligatoires manquants', check_totals_add_up: 'Les totaux lus ne s’additionnent pas',
    check_lines_add_up: 'Les lignes lues ne font pas le sous-total', check_tax_rates_plausible: 'Taux de taxe douteux', check_tax_numbers_valid: 'Numéro de taxe invalide',
    check_ocr_quality: 'Lecture OCR de faible qualité',
  },
  en: {
    model_self_assessment: 'Model self-assessment', person_request: 'Direct request',
    supplier_exact: 'Supplier identified exactly', supplier_fuzzy: 'Supplier identified approximately', client_exact: 'Client identified exactly',
    invoice_exact: 'Invoice identified exactly', totals_match: 'Totals match', totals_consistent: 'Totals consistent', totals_inconsistent: 'Totals inconsistent',
    three_way_match: 'Order–receipt–bill match', three_way_match_tolerance: 'Three-way match within tolerance', three_way_mismatch: 'Three-way mismatch',
    tax_differs: 'Tax differs from the rules', possible_duplicate: 'Possible duplicate', no_purchase_order: 'No purchase order', lines_differ_from_subtotal: 'Lines do not make the subtotal',
    within_credit_limit: 'Within the credit limit', credit_limit_exceeded: 'Credit limit exceeded', recipient_on_file: 'Known recipient', recipient_not_on_file: 'Unknown recipient',
    client_email_on_file: "Client's email on file", partial_payment: 'Partial payment', amount_matches_balance: 'Amount matches the balance', amount_usual: 'Usual amount', amount_above_usual: 'Unusually high amount',
    reminder_step_due: 'Reminder step reached',
    amount_equals_balance: 'Amount equals the balance', partial_amount: 'Part of the balance', number_in_text: 'Invoice number in the bank text',
    name_matches: 'Name matches', name_partly_matches: 'Name partly matches', date_plausible: 'Plausible date', before_document: 'Transaction before the document',
    statement_unbalanced: 'Statement does not add up',
    document_read: 'Document reading', check_required_fields: 'Required fields missing', check_totals_add_up: 'Totals read do not add up',
    check_lines_add_up: 'Lines read do not make the subtotal', check_tax_rates_plausible: 'Doubtful tax rates', check_tax_numbers_valid: 'Invalid tax number',
    check_ocr_quality: 'Low-quality OCR reading',
  },
};

/** Labels of the bill fields extraction reads (tools/documents/schemas.ts FIELD_NAMES). */
export const billFieldLabels: Record<'fr' | 'en', Record<string, string>> = {
  fr: {
    documentType: 'Type de document', supplierName: 'Fournisseur', supplierAddress: 'Adresse du fournisseur', supplierGst: 'N° TPS/TVH', supplierQst: 'N° TVQ',
    supplierSiren: 'SIREN', supplierSiret: 'SIRET', supplierVat: 'N° TVA', buyerName: 'Client (acheteur)', invoiceNumber: 'N° de facture', invoiceDate: 'Date de facture',
    dueDate: 'Échéance', paymentTerms: 'Conditions de paiement', currency: 'Devise', subtotal: 'Sous-total', totalTax: 'Taxes', total: 'Total', amountDue: 'Montant dû',
  },
  en: {
    documentType: 'Document type', supplierName: 'Supplier', supplierAddress: 'Supplier address', supplierGst: 'GST/HST number', supplierQst: 'QST number',
    supplierSiren: 'SIREN', supplierSiret: 'SIRET', supplierVat: 'VAT number', buyerName: 'Buyer', invoiceNumber: 'Invoice number', invoiceDate: 'Invoice date',
    dueDate: 'Due date', paymentTerms: 'Payment terms', currency: 'Currency', subtotal: 'Subtotal', totalTax: 'Tax', total: 'Total', amountDue: 'Amount due',
  },
};
