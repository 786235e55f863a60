#pragma once

// The editor of one form field (forms/FormDefinition.h): builds the widget its EditorHint
// asks for, shows a document's item in it, and turns what the user typed back into an item.
// It remembers the text it showed after load(), so isChanged() is true only for a field the
// user actually changed — a document saved from the form then carries only those items, and
// concurrent edits of the other items merge silently on replication.
//
// GUI thread only. The widget is owned by the parent given to the constructor.

#include "client/forms/FormDefinition.h"
#include "client/gui/forms/PickList.h"

#include <QObject>

#include <optional>

class QWidget;

namespace sen::gui {

class RichTextEditor;

class FieldEditor : public QObject
{
    Q_OBJECT
public:
    FieldEditor(const forms::FieldDefinition& field, QWidget* parent);

    const forms::FieldDefinition& field() const { return m_field; }
    // The editing widget (named after the item, for tests and style sheets).
    QWidget* widget() const { return m_widget; }
    // The rich-text editor of a RichText field, else null.
    RichTextEditor* richText() const;

    // Shows the document's item (empty when it has none) and forgets earlier changes.
    void load(const Document& doc);
    // Read mode: no input reaches the widget — typing, the mouse wheel over a drop-down, a
    // click or a drag — so nothing shown can change (only load() and setText() do).
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    // Closed by the secrecy rule (a classified document's body fields): disabled, with `why`
    // as its tooltip. Independent of read mode: reopening never makes a read-only field editable.
    void setClosed(bool closed, const QString& why);
    // What a one-line field shows while empty (a number the server will give); no effect on
    // other editors.
    void setPlaceholder(const QString& text);

    // The values a pick list (a Choice field with a catalogue) offers, from the database's
    // catalogue; the value shown stays. No effect on other editors.
    void setOffered(const QList<PickValue>& values);

    // The value as the user sees it (see docs/forms.md): dates dd/MM/yyyy [HH:mm], lists one
    // per line, names separated by "; ", rich text as HTML.
    QString text() const;
    // Sets the value from that text, as if the user typed it.
    void setText(const QString& text);

    bool isChanged() const;
    // What the user wrote is not a value of the field's type ("31/02/2026"): a message, else empty.
    QString inputError() const;
    // The item to save, or nullopt for an empty field (which removes the item). Check
    // inputError() first: an unreadable value counts as empty.
    std::optional<Item> item() const;

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyState();

    QWidget* build(QWidget* parent);
    QString itemText(const Document& doc) const;

    forms::FieldDefinition m_field;
    QWidget* m_widget = nullptr;
    QString m_loadedText;
    bool m_readOnly = false;
    bool m_closed = false;
};

} // namespace sen::gui
