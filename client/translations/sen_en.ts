<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>sen::forms</name>
    <message numerus="yes">
        <source>At most %n digit(s).</source>
        <translation>
            <numerusform>At most %n digit.</numerusform>
            <numerusform>At most %n digits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s) (ND 30 Phụ lục VI); this has %1.</source>
        <translation>
            <numerusform>At most %n character (ND 30 Phụ lục VI); this has %1.</numerusform>
            <numerusform>At most %n characters (ND 30 Phụ lục VI); this has %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sen::gui::DatabasePage</name>
    <message numerus="yes">
        <source>%n document(s) found</source>
        <translation>
            <numerusform>%n document found</numerusform>
            <numerusform>%n documents found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sen::gui::MainWindow</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sen::gui::NewsReaderView</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sen::gui::ReplicationModel</name>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>Every minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Receiving: %n documents</source>
        <translation>
            <numerusform>Receiving: %n document</numerusform>
            <numerusform>Receiving: %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending: %n documents</source>
        <translation>
            <numerusform>Sending: %n document</numerusform>
            <numerusform>Sending: %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(+%n other servers)</source>
        <translation>
            <numerusform>(+%n other server)</numerusform>
            <numerusform>(+%n other servers)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sen::gui::WorkspaceModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sen::web</name>
    <message numerus="yes">
        <source>Too many failed sign-ins. Please try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins. Please try again in %n minute.</numerusform>
            <numerusform>Too many failed sign-ins. Please try again in %n minutes.</numerusform>
        </translation>
    </message>
</context>
</TS>
