"""Where people work with v2m outside the terminal: a local web studio (`v2m ui`, web.py) and an MCP
server (`v2m mcp`, mcp_server.py), both over the chat `Session` API through one `Workbench`."""
