<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ConflictCells</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replica %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplicaDetails</name>
    <message>
        <source>%1 document %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not let you make this change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(changed since; the new version will be offered at the next sync)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncErrorText</name>
    <message>
        <source>The last sync completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync was stopped on this computer. Everything received before the stop is kept; the next sync resumes where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. Check the network connection or ask the IT office; nothing is lost, and Sen will try again at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk of this computer is full. Free some space, then sync again; what was received so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was cut during the sync. What arrived is kept; the next sync will resume where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your ID has been revoked by the organisation&apos;s certifier. Ask the IT office for a new ID file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your ID has expired. Ask the IT office to renew it, then log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer at %1 is not a Sen server of your organisation; nothing was sent to it. Check the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 does not accept your ID (expired, revoked or from another organisation). Ask the IT office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no right to replicate the database %1 on %2. Ask the database&apos;s manager for access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 has no database named %2. Check the name with the IT office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database named %1 already exists on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a local database: it has no server to sync with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 on %2 is not a copy of this one: they cannot sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address or database name is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy of %1 on this computer is damaged. Ask the IT office to restore it from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 runs a version of Sen this one cannot talk to. Ask the IT office to update Sen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This copy of %1 was restored from a backup or copied from another computer. Sen gives it a new identity; sync again and nothing written here is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 was busy on this computer. Sync again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::forms</name>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number and symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrecy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving units or persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper original kept at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-ordinating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler&apos;s report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work schedule entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A document classified %1 may not hold this field: clear it, the content stays on paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A document classified %1 may not have attachments: remove them, the files stay on paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document is classified %1. By the Law on Protection of State Secrets its content never travels over a network: Sen keeps only its register entry. The body, notes and attachments stay closed; the paper original (or the cryptographic channel) carries the content.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>sen::gui::AddReplicaDialog</name>
    <message>
        <source>Add a replica from a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. sen.hanoi.gov.vn:1352</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. vanban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary only: fetch attachments when they are opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add and sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these forms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen copies the database from the server to this computer, then keeps both in step at each sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address and the database&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must look like NAME:PORT, for example sen.hanoi.gov.vn:1352.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database name has only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::AttachmentPanel</name>
    <message>
        <source>“%1” has not been downloaded to this computer yet: this replica holds summaries only. Synchronise the database with attachments to fetch it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is damaged in this replica (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: “%1” could not be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not downloaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new, not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to editing to add attachments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no database to store the image in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No temporary folder to open “%1” from: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no database for its attachments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application on this computer opens “%1”. Save it and open it from the folder.</source>
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
    <name>sen::gui::ConflictDialog</name>
    <message>
        <source>This conflict was already resolved, here or on another replica. Close this window to see the document as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not change this document: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document is not a replication conflict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choice could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document was changed in two places at the same time. Compare the two versions, then keep one of them or combine them: tick &quot;Use the other&quot; for each item whose other value you want.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version has been deleted since. Keeping the other version, or any of its values, restores it as a new document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version is itself a conflict document; it stays one until it is resolved in turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two versions now hold the same values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the other version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Combine as chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document this conflict belongs to is not in this database on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the other version&apos;s value for this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::DatabasePage</name>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The views could not be updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (with or without diacritics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing the database… The first opening of a large database takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The view cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This document is no longer in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? The deletion replicates to every copy of the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::DocumentForm</name>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A classified document may not have attachments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be inserted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field does not take images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an image this program can read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::DocumentPage</name>
    <message>
        <source>This document was deleted while you were editing it — perhaps on another computer, and replication brought the deletion here. Your changes are still in the form: copy what you need before closing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused to save this document: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so nothing was saved. Free some space and save again; your changes are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy (a synchronisation is writing to it). Save again in a moment; your changes are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be saved (%1). Your changes are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen has no form to show documents of form “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 does not belong in this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 answers a document: open that document and choose New response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 is not a response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document to answer has been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document cannot be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the attachments are stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the attachments are stored, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields need attention before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”? The deletion replicates to every copy of the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The responses could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication conflict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::DocumentPreview</name>
    <message>
        <source>This document has been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication conflict: this version lost to a concurrent edit and is kept so nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not downloaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::FieldEditor</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy hh:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names separated by ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as dd/mm/yyyy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as dd/mm/yyyy hh:mm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the time as hh:mm.</source>
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
        <source>Working offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replication page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync all now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add replica from a server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping replication…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::ReplicationModel</name>
    <message>
        <source>Only when asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every 4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Receiving: %n documents</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending: %n documents</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK: %1 received, %2 sent, %3 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK: %1 received, %2 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server / database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::ReplicationPage</name>
    <message>
        <source>Working offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen is set to work offline. Connect to the server anyway for this sync?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add replica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync by itself:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a replica to see its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::RichTextEditor</name>
    <message>
        <source>B</source>
        <comment>bold</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I</source>
        <comment>italic</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U</source>
        <comment>underline</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert image…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::SearchResultsModel</name>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::ViewModel</name>
    <message>
        <source>Replication conflict: a version that lost to the document above. Open it to compare and keep what is needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sen::gui::ViewNavigator</name>
    <message>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: %1</source>
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
<context>
    <name>sen::views</name>
    <message>
        <source>Incoming by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number and symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chaired by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Not categorised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week %1: %2 – %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
