; Inno Setup script for the Windows bundle (dist\文稿审校助手).  Untested: built by
; .github/workflows/windows.yml on a Windows runner.
#define AppName "文稿审校助手"
#define AppVersion "0.1.0"

[Setup]
AppId={{6D0B8E5A-3F1C-4C55-9B7A-2E1F0C6A9D11}
AppName={#AppName}
AppVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=draft-reviewer-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\{#AppName}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppName}.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppName}.exe"

[Run]
Filename: "{app}\{#AppName}.exe"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent
