// Every entry point (web, MCP, chat, jobs) loads the tool registry before an action can be decided;
// tests that call the door directly get the same world (see tools/tool-lookup.ts).
import '../../tools/registry.ts';
