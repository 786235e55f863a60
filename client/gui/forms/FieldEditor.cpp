#include "client/gui/forms/FieldEditor.h"

#include "client/forms/TimeText.h"
#include "client/gui/forms/PickList.h"
#include "client/gui/forms/RichTextEditor.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleValidator>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>
#include <QTimeZone>
#include <QToolButton>
#include <QWidgetAction>

namespace sen::gui {

using forms::EditorHint;

namespace {

const QString kDateFormat = QStringLiteral("dd/MM/yyyy");
const QString kDateTimeFormat = QStringLiteral("dd/MM/yyyy HH:mm");

QStringList splitList(const QString& text, QChar separator)
{
    QStringList values;
    for (const QString& part : text.split(separator)) {
        const QString value = part.trimmed();
        if (!value.isEmpty())
            values << value;
    }
    return values;
}

// A line edit for dates with a button that drops a calendar down (typing works too).
QWidget* dateWidget(QWidget* parent, QLineEdit*& edit)
{
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    edit = new QLineEdit(box);
    edit->setPlaceholderText(QCoreApplication::translate("sen::gui::FieldEditor", "dd/mm/yyyy"));
    edit->setMaximumWidth(140);
    auto* button = new QToolButton(box);
    button->setText(QStringLiteral("▾"));
    button->setToolTip(QCoreApplication::translate("sen::gui::FieldEditor", "Choose a date"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(button);
    auto* calendar = new QCalendarWidget(menu);
    auto* action = new QWidgetAction(menu);
    action->setDefaultWidget(calendar);
    menu->addAction(action);
    button->setMenu(menu);
    QObject::connect(menu, &QMenu::aboutToShow, calendar, [edit, calendar] {
        const QDate shown = QDate::fromString(edit->text().trimmed(), kDateFormat);
        calendar->setSelectedDate(shown.isValid() ? shown : QDate::currentDate());
    });
    QObject::connect(calendar, &QCalendarWidget::clicked, edit, [edit, menu](const QDate& date) {
        edit->setText(date.toString(kDateFormat));
        menu->close();
    });
    layout->addWidget(edit);
    layout->addWidget(button);
    layout->addStretch();
    return box;
}

} // namespace

FieldEditor::FieldEditor(const forms::FieldDefinition& field, QWidget* parent)
    : QObject(parent), m_field(field)
{
    m_widget = build(parent);
    m_widget->setObjectName(m_field.item);
    // Every widget of the editor (a combo's line edit, the date button) is watched: in read
    // mode the filter swallows the input events, whatever the widget does with them.
    m_widget->installEventFilter(this);
    for (QWidget* child : m_widget->findChildren<QWidget*>())
        child->installEventFilter(this);
}

bool FieldEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (m_readOnly && !richText()) {
        switch (event->type()) {
        case QEvent::Wheel:
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::DragEnter:
        case QEvent::DragMove:
        case QEvent::Drop:
        case QEvent::InputMethod:
            // A read-only text (line edit, plain text and its viewport) still selects, copies and
            // scrolls, and refuses every change itself (setReadOnly): let input through to it.
            if (qobject_cast<QLineEdit*>(watched) || qobject_cast<QPlainTextEdit*>(watched) ||
                qobject_cast<QPlainTextEdit*>(watched->parent()))
                return false;
            event->ignore();
            return true;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

QWidget* FieldEditor::build(QWidget* parent)
{
    switch (m_field.hint) {
    case EditorHint::MultiLine:
    case EditorHint::Lines: {
        auto* edit = new QPlainTextEdit(parent);
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * (m_field.hint == EditorHint::Lines ? 4 : 3) +
                             12);
        connect(edit, &QPlainTextEdit::textChanged, this, &FieldEditor::changed);
        return edit;
    }
    case EditorHint::Choice: {
        auto* combo = new QComboBox(parent);
        if (m_field.catalogue) {
            makePickList(combo); // filled by setOffered() from the database's catalogue
        } else {
            if (!m_field.required)
                combo->addItem(QString());
            combo->addItems(m_field.choices);
        }
        connect(combo, &QComboBox::currentTextChanged, this, &FieldEditor::changed);
        return combo;
    }
    case EditorHint::RichText: {
        auto* editor = new RichTextEditor(parent);
        connect(editor, &RichTextEditor::changed, this, &FieldEditor::changed);
        return editor;
    }
    case EditorHint::Date: {
        QLineEdit* edit = nullptr;
        QWidget* box = dateWidget(parent, edit);
        edit->setObjectName(QStringLiteral("text"));
        connect(edit, &QLineEdit::textChanged, this, &FieldEditor::changed);
        return box;
    }
    case EditorHint::Line:
    case EditorHint::Number:
    case EditorHint::DateTime:
    case EditorHint::Time:
    case EditorHint::NameList:
        break;
    }
    auto* edit = new QLineEdit(parent);
    switch (m_field.hint) {
    case EditorHint::Number:
        edit->setValidator(new QDoubleValidator(edit));
        edit->setMaximumWidth(140);
        break;
    case EditorHint::DateTime:
        edit->setPlaceholderText(tr("dd/mm/yyyy hh:mm"));
        edit->setMaximumWidth(180);
        break;
    case EditorHint::Time:
        edit->setPlaceholderText(tr("hh:mm"));
        edit->setToolTip(tr("For example 14:00, 14h, 14h30 or 1400"));
        edit->setMaximumWidth(80);
        // forms::parseTimeText reads what is typed; the validator only keeps out other characters.
        edit->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("\\d{0,2}\\s*[:hHgG.]?\\s*\\d{0,2}")), edit));
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] {
            // Shown as it is stored once the user leaves the field ("14h" becomes "14:00").
            if (const auto normal = forms::normalizeTimeText(edit->text()); normal && *normal != edit->text())
                edit->setText(*normal);
        });
        break;
    case EditorHint::NameList:
        edit->setPlaceholderText(tr("Names separated by ;"));
        break;
    default:
        break;
    }
    connect(edit, &QLineEdit::textChanged, this, &FieldEditor::changed);
    return edit;
}

RichTextEditor* FieldEditor::richText() const
{
    return qobject_cast<RichTextEditor*>(m_widget);
}

QString FieldEditor::itemText(const Document& doc) const
{
    const Item* item = doc.item(m_field.item);
    if (!item)
        return QString();
    switch (m_field.hint) {
    case EditorHint::Lines:
        return item->toList().join(QLatin1Char('\n'));
    case EditorHint::NameList:
        return item->toList().join(QStringLiteral("; "));
    case EditorHint::Date:
    case EditorHint::DateTime:
    case EditorHint::Number:
        return forms::fieldText(m_field, doc);
    default:
        return item->toList().join(QStringLiteral("; "));
    }
}

void FieldEditor::load(const Document& doc)
{
    if (RichTextEditor* editor = richText()) {
        const Item* item = doc.item(m_field.item);
        editor->setHtml(item ? item->toText() : QString());
        m_loadedText.clear();
        return;
    }
    const QString text = itemText(doc);
    setText(text);
    m_loadedText = this->text();
}

void FieldEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    applyState();
}

void FieldEditor::setPlaceholder(const QString& text)
{
    if (auto* line = qobject_cast<QLineEdit*>(m_widget))
        line->setPlaceholderText(text);
}

void FieldEditor::setClosed(bool closed, const QString& why)
{
    m_closed = closed;
    m_widget->setToolTip(closed ? why : QString());
    applyState();
}

void FieldEditor::applyState()
{
    // A combo box has no read-only mode: in read mode it is disabled as well as filtered.
    const bool combo = qobject_cast<QComboBox*>(m_widget) != nullptr;
    m_widget->setEnabled(!m_closed && !(combo && m_readOnly));
    if (auto* edit = qobject_cast<QLineEdit*>(m_widget))
        edit->setReadOnly(m_readOnly);
    else if (auto* plain = qobject_cast<QPlainTextEdit*>(m_widget))
        plain->setReadOnly(m_readOnly);
    else if (RichTextEditor* editor = richText())
        editor->setReadOnly(m_readOnly);
    else if (m_field.hint == EditorHint::Date) {
        m_widget->findChild<QLineEdit*>()->setReadOnly(m_readOnly);
        m_widget->findChild<QToolButton*>()->setVisible(!m_readOnly);
    }
}

void FieldEditor::setOffered(const QList<PickValue>& values)
{
    auto* combo = qobject_cast<QComboBox*>(m_widget);
    if (!combo || !m_field.catalogue)
        return;
    const bool unchanged = !isChanged();
    setPickValues(combo, values);
    if (unchanged)
        m_loadedText = text();
}

QString FieldEditor::text() const
{
    if (auto* edit = qobject_cast<QLineEdit*>(m_widget))
        return edit->text();
    if (auto* plain = qobject_cast<QPlainTextEdit*>(m_widget))
        return plain->toPlainText();
    if (auto* combo = qobject_cast<QComboBox*>(m_widget))
        return combo->currentText();
    if (RichTextEditor* editor = richText())
        return editor->html();
    if (m_field.hint == EditorHint::Date)
        return m_widget->findChild<QLineEdit*>()->text();
    return QString();
}

void FieldEditor::setText(const QString& text)
{
    if (auto* edit = qobject_cast<QLineEdit*>(m_widget)) {
        edit->setText(text);
    } else if (auto* plain = qobject_cast<QPlainTextEdit*>(m_widget)) {
        plain->setPlainText(text);
    } else if (auto* combo = qobject_cast<QComboBox*>(m_widget)) {
        // A value outside the list (older data, another office's wording) is kept, not lost.
        if (combo->findText(text) < 0)
            combo->addItem(text);
        combo->setCurrentIndex(combo->findText(text));
    } else if (RichTextEditor* editor = richText()) {
        editor->setHtml(text);
        editor->setModified(true);
        Q_EMIT changed();
    } else if (m_field.hint == EditorHint::Date) {
        m_widget->findChild<QLineEdit*>()->setText(text);
    }
}

bool FieldEditor::isChanged() const
{
    if (RichTextEditor* editor = richText())
        return editor->isModified();
    return text() != m_loadedText;
}

QString FieldEditor::inputError() const
{
    const QString value = text().trimmed();
    if (value.isEmpty())
        return QString();
    switch (m_field.hint) {
    case EditorHint::Number: {
        bool ok = false;
        QLocale().toDouble(value, &ok);
        if (!ok)
            value.toDouble(&ok);
        return ok ? QString() : tr("Write a number.");
    }
    case EditorHint::Date:
        return QDate::fromString(value, kDateFormat).isValid() ? QString()
                                                               : tr("Write the date as dd/mm/yyyy.");
    case EditorHint::DateTime:
        return QDateTime::fromString(value, kDateTimeFormat).isValid()
                   ? QString()
                   : tr("Write the date as dd/mm/yyyy hh:mm.");
    case EditorHint::Time:
        return forms::parseTimeText(value) ? QString() : tr("Write the time as hh:mm (14:00, 14h30).");
    default:
        return QString();
    }
}

std::optional<Item> FieldEditor::item() const
{
    const QString value = m_field.hint == EditorHint::MultiLine ? text() : text().trimmed();
    const int flags = m_field.itemFlags();
    if (value.trimmed().isEmpty() || !inputError().isEmpty())
        return std::nullopt;
    switch (m_field.hint) {
    case EditorHint::Time:
        return Item::text(m_field.item, forms::normalizeTimeText(value).value_or(value.trimmed()), flags);
    case EditorHint::Line:
    case EditorHint::MultiLine:
    case EditorHint::Choice:
        return Item::text(m_field.item, value.trimmed(), flags);
    case EditorHint::Number: {
        bool ok = false;
        double number = QLocale().toDouble(value, &ok);
        if (!ok)
            number = value.toDouble();
        return Item::number(m_field.item, number, flags);
    }
    case EditorHint::Date:
        return Item::dateTime(m_field.item,
                              QDateTime(QDate::fromString(value, kDateFormat), QTime(0, 0), QTimeZone::utc()),
                              flags);
    case EditorHint::DateTime:
        return Item::dateTime(m_field.item, QDateTime::fromString(value, kDateTimeFormat), flags);
    case EditorHint::Lines:
        return Item::textList(m_field.item, splitList(value, QLatin1Char('\n')), flags);
    case EditorHint::NameList:
        return Item::names(m_field.item, m_field.type, splitList(value, QLatin1Char(';')), flags);
    case EditorHint::RichText:
        return Item::richText(m_field.item, value, flags);
    }
    return std::nullopt;
}

} // namespace sen::gui
