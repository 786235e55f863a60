<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>sen::gui</name>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::ClientApp</name>
    <message>
        <source>Sen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace %1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::LoginDialog</name>
    <message>
        <source>The password is wrong. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ID file is damaged. Ask the IT centre for a new copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID file was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a user&apos;s ID file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID file could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen — Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your ID file with its password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your ID file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID files (*.id);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an ID file and type its password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::MainWindow</name>
    <message>
        <source>Sen — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Sen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Sen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sen %1&lt;/b&gt;&lt;p&gt;Replicated document, schedule and news databases for offices whose network cannot be counted on.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies from the next start of Sen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some databases could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::WorkspaceModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>local only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync failed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changes not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
File: %3
Server: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::WorkspacePage</name>
    <message>
        <source>Add replica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New local database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
