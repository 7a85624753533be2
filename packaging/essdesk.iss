; Inno Setup script for essdesk on Windows — UNTESTED: written from Inno Setup 6's
; documentation, never compiled nor run here (the project's machines are Linux).
; See packaging/README.md, "Windows", for the exact steps.
;
;   pyinstaller --noconfirm build.spec              (on Windows: dist\essdesk\essdesk.exe
;                                                      and its console twin essdesk-cli.exe)
;   iscc /DAppVersion=0.1.0 packaging\essdesk.iss   (version: pyproject.toml's)
;
; Installs the one-folder bundle under Program Files (or the user's own programs folder when
; the user chooses "only for me"), with a Start menu entry. The uninstaller removes only the
; files it installed: the notes database lives in %LOCALAPPDATA%\essdesk and is never touched.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z packaging\essdesk.iss
#endif

[Setup]
AppId={{956AD8A4-EA00-4FB8-AE73-39EFD4025920}
AppName=essdesk
AppVersion={#AppVersion}
AppVerName=essdesk {#AppVersion}
AppPublisher=essdesk
DefaultDirName={autopf}\essdesk
DefaultGroupName=essdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=essdesk-{#AppVersion}-setup
SetupIconFile=..\resources\essdesk.ico
UninstallDisplayIcon={app}\essdesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\essdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\essdesk"; Filename: "{app}\essdesk.exe"
Name: "{autodesktop}\essdesk"; Filename: "{app}\essdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\essdesk.exe"; Description: "{cm:LaunchProgram,essdesk}"; Flags: nowait postinstall skipifsilent
