  ; --- Sen: start of the uninstaller (CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS) ---
  ; Stop and remove the sen-server service and its firewall rule, if they exist (errors
  ; ignored: a client-only installation has neither). The server's data directory
  ; %ProgramData%\Sen is never removed, as on Linux: it holds the organisation's keys and
  ; databases.
  nsExec::ExecToLog 'net.exe stop sen-server'
  Pop $0
  nsExec::ExecToLog 'sc.exe delete sen-server'
  Pop $0
  nsExec::ExecToLog 'netsh.exe advfirewall firewall delete rule name="Sen server"'
  Pop $0
  DetailPrint "The server's data directory in ProgramData\Sen is kept; delete it yourself when it is no longer needed."
