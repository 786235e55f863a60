  ; --- Sen: end of the core installation section (CPACK_NSIS_EXTRA_INSTALL_COMMANDS) ---
  ; When the "server" component is selected: register sen-server as the Windows service
  ; "sen-server" under its own virtual account (NT SERVICE\sen-server), on the data
  ; directory %ProgramData%\Sen\server, listening on 0.0.0.0:1352. The directory is
  ; initialised once afterwards by an administrator (installer/README.md); until then the
  ; service fails to start. Component sections run before this one, so the file is in place.
  !include LogicLib.nsh
  ${If} ${SectionIsSelected} ${server}
    SetShellVarContext all
    CreateDirectory "$APPDATA\Sen"
    ; A service left by an earlier installation: stop it (net stop waits), then remove it.
    nsExec::ExecToLog 'net.exe stop sen-server'
    Pop $0
    nsExec::ExecToLog 'sc.exe delete sen-server'
    Pop $0
    nsExec::ExecToLog 'sc.exe create sen-server binPath= "\"$INSTDIR\bin\sen-server.exe\" --data \"$APPDATA\Sen\server\" run --listen 0.0.0.0:1352 --service" start= delayed-auto obj= "NT SERVICE\sen-server" DisplayName= "Sen server"'
    Pop $0
    ${If} $0 != 0
      MessageBox MB_ICONEXCLAMATION|MB_OK "Could not register the Windows service sen-server (sc.exe create: $0). See installer\README.md to register it by hand." /SD IDOK
    ${Else}
      nsExec::ExecToLog 'sc.exe description sen-server "Sen replication server: the documents, work schedule and news databases, over TLS on port 1352."'
      Pop $0
      ; As systemd's Restart=on-failure: restart after a crash or a failed exit.
      nsExec::ExecToLog 'sc.exe failure sen-server reset= 86400 actions= restart/5000/restart/5000/restart/60000'
      Pop $0
      nsExec::ExecToLog 'sc.exe failureflag sen-server 1'
      Pop $0
      ; ProgramData lets every user read and create: the data directory holds the server's
      ; keys, so only SYSTEM (S-1-5-18), Administrators (S-1-5-32-544) and the service's
      ; account may use it. SIDs, because group names are translated on Vietnamese Windows.
      nsExec::ExecToLog 'icacls.exe "$APPDATA\Sen" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F "NT SERVICE\sen-server:(OI)(CI)M"'
      Pop $0
      ${If} $0 != 0
        MessageBox MB_ICONEXCLAMATION|MB_OK "Could not restrict the permissions of $APPDATA\Sen (icacls: $0). Restrict them before initialising the server." /SD IDOK
      ${EndIf}
      nsExec::ExecToLog 'netsh.exe advfirewall firewall delete rule name="Sen server"'
      Pop $0
      nsExec::ExecToLog 'netsh.exe advfirewall firewall add rule name="Sen server" dir=in action=allow protocol=TCP localport=1352 program="$INSTDIR\bin\sen-server.exe"'
      Pop $0
      ; An upgrade: the data directory is already initialised, so start the service again.
      ${If} ${FileExists} "$APPDATA\Sen\server\server.json"
        nsExec::ExecToLog 'sc.exe start sen-server'
        Pop $0
      ${EndIf}
    ${EndIf}
  ${Else}
    ; An upgrade removes the old version first (and with it the service), and the component
    ; page starts unticked again: say so rather than leave a server silently without service.
    SetShellVarContext all
    ${If} ${FileExists} "$APPDATA\Sen\server\server.json"
      MessageBox MB_ICONEXCLAMATION|MB_OK "This computer holds a Sen server data directory ($APPDATA\Sen\server), but the component $\"Sen server$\" was not selected, so the sen-server service is not installed. Run the installer again and select it to keep serving." /SD IDOK
    ${EndIf}
  ${EndIf}
