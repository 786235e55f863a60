#include "client/gui/forms/DocumentForm.h"

#include "client/app/DatabaseSession.h"
#include "client/forms/Numbering.h"
#include "client/gui/app/ErrorBox.h"
#include "client/gui/forms/AttachmentImages.h"
#include "client/gui/forms/AttachmentPanel.h"
#include "client/gui/forms/FieldEditor.h"
#include "client/gui/forms/NamePicker.h"
#include "client/gui/forms/RichTextEditor.h"
#include "common/acl/SecrecyRule.h"
#include "common/registers/Registers.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace sen::gui {

namespace {

QLabel* problemLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->setVisible(false);
    return label;
}

// Fields a new document starts with the current date in.
bool startsToday(const QString& item)
{
    static const QStringList kItems{QStringLiteral("NgayDen"), QStringLiteral("NgayGiao"),
                                    QStringLiteral("NgayGopY"), QStringLiteral("NgayDang")};
    return kItems.contains(item);
}

// Fields a new response starts with the user's name in.
bool startsWithUser(const QString& item)
{
    return item == QStringLiteral("NguoiGopY") || item == QStringLiteral("NguoiGiao");
}

} // namespace

DocumentForm::DocumentForm(const forms::FormDefinition& form, QWidget* parent) : QWidget(parent), m_form(form)
{
    build();
    setEditing(false);
}

void DocumentForm::build()
{
    auto* layout = new QVBoxLayout(this);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("secrecyBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("background: #fdecea; color: #7a1c14; border: 1px solid #e6a29b; "
                                           "border-radius: 4px; padding: 6px;"));
    m_banner->setVisible(false);
    layout->addWidget(m_banner);
    m_formProblem = problemLabel(this);
    m_formProblem->setObjectName(QStringLiteral("formProblem"));
    layout->addWidget(m_formProblem);

    for (const forms::FormSection& section : m_form.sections) {
        auto* box = new QGroupBox(section.displayTitle(), this);
        auto* rows = new QFormLayout(box);
        rows->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        for (const forms::FieldDefinition& field : section.fields) {
            auto* cell = new QWidget(box);
            auto* cellLayout = new QVBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 0);
            cellLayout->setSpacing(2);
            auto* editor = new FieldEditor(field, cell);
            cellLayout->addWidget(editor->widget());
            // A problem label appearing under the editor must push the rows down, not squeeze
            // the editor (the form sits in a scroll area that shrinks it to its minimum).
            if (!editor->richText())
                editor->widget()->setSizePolicy(editor->widget()->sizePolicy().horizontalPolicy(),
                                                QSizePolicy::Fixed);
            QLabel* problem = problemLabel(cell);
            cellLayout->addWidget(problem);
            const QString label =
                field.required ? field.displayLabel() + QStringLiteral(" *") : field.displayLabel();
            rows->addRow(label, cell);
            m_editors.insert(field.item, editor);
            m_problems.insert(field.item, problem);
            connect(editor, &FieldEditor::changed, this, &DocumentForm::modified);
            if (RichTextEditor* rich = editor->richText()) {
                rich->setImageResolver([this](const QString& name) -> std::optional<QImage> {
                    const std::optional<AttachmentRef> ref =
                        m_attachments ? m_attachments->find(name) : std::nullopt;
                    if (!ref || !m_session)
                        return std::nullopt;
                    return readAttachmentImage(*m_session, *ref);
                });
                connect(rich, &RichTextEditor::imageRequested, this,
                        [this, item = field.item] { chooseImage(item); });
            }
            // Any change may open or close a field: the classification, or a content field
            // being cleared (an empty one closes while the document is classified).
            connect(editor, &FieldEditor::changed, this, &DocumentForm::updateSecrecy);
        }
        layout->addWidget(box);
    }

    if (m_form.attachments) {
        auto* box = new QGroupBox(tr("Attachments"), this);
        auto* boxLayout = new QVBoxLayout(box);
        m_attachments = new AttachmentPanel(box);
        boxLayout->addWidget(m_attachments);
        QLabel* problem = problemLabel(box);
        boxLayout->addWidget(problem);
        m_problems.insert(forms::attachmentsField(), problem);
        connect(m_attachments, &AttachmentPanel::changed, this, &DocumentForm::modified);
        layout->addWidget(box);
    }
    layout->addStretch();
}

void DocumentForm::setSession(std::shared_ptr<app::DatabaseSession> session)
{
    m_session = session;
    offerCatalogues();
    offerNames();
    if (m_attachments)
        m_attachments->setSession(std::move(session));
}

void DocumentForm::offerNames()
{
    if (!m_session)
        return;
    const Result<client::AddressBook> book = m_session->addressBook();
    if (!book.isOk() || book->isEmpty())
        return; // names are typed as before; the save keeps them as typed
    const auto shared = std::make_shared<const client::AddressBook>(*book);
    for (FieldEditor* editor : std::as_const(m_editors)) {
        auto* edit = qobject_cast<QLineEdit*>(editor->widget());
        if (editor->field().hint != forms::EditorHint::NameList || !edit || edit->findChild<NamePicker*>())
            continue;
        new NamePicker(edit, shared);
    }
}

void DocumentForm::offerCatalogues()
{
    if (!m_session)
        return;
    const Result<std::vector<catalogues::Entry>> entries = m_session->catalogue();
    if (!entries.isOk())
        return; // the pick lists stay open to typing; the database's failure shows elsewhere
    for (FieldEditor* editor : std::as_const(m_editors)) {
        if (!editor->field().catalogue)
            continue;
        QList<PickValue> values;
        for (const catalogues::Entry& entry : *entries) {
            if (entry.catalogue != *editor->field().catalogue || entry.retired)
                continue;
            QStringList detail;
            for (const QString& part : {entry.abbreviation, entry.partyAbbreviation, entry.code})
                if (!part.isEmpty() && !detail.contains(part))
                    detail << part;
            values.append({entry.name, detail.join(QStringLiteral(" · "))});
        }
        editor->setOffered(values);
    }
}

void DocumentForm::load(const Document& doc)
{
    m_loaded = doc;
    // Attachments first: the rich-text fields' images are found among them.
    if (m_attachments)
        m_attachments->load(doc);
    for (FieldEditor* editor : std::as_const(m_editors))
        editor->load(doc);
    clearProblems();
    updateSecrecy();
    showNumberState(doc);
}

void DocumentForm::showNumberState(const Document& doc)
{
    // A registration's number comes from the server (docs/registers.md §Numbering).
    if (!registers::directionOfForm(m_form.name))
        return;
    FieldEditor* number = m_editors.value(registers::numberItem(m_form.name));
    if (!number)
        return;
    QString hint;
    if (doc.unid.isNull())
        hint = tr("given by the server when saved");
    else if (const Item* requested = doc.item(QLatin1String(registers::kItemRequested)))
        hint = tr("awaiting number (asked for %1)").arg(qint64(requested->toNumber()));
    else if (forms::isAwaitingNumber(doc))
        hint = tr("awaiting number");
    number->setPlaceholder(hint);
}

void DocumentForm::loadNew(const QString& userName)
{
    load(Document{});
    const QString today = QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy"));
    const QString now = QDateTime::currentDateTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"));
    for (FieldEditor* editor : std::as_const(m_editors)) {
        const forms::FieldDefinition& field = editor->field();
        if (field.hint == forms::EditorHint::Choice && !field.choices.isEmpty())
            editor->setText(field.choices.first());
        else if (!field.initial.isEmpty())
            editor->setText(field.initial);
        else if (startsToday(field.item))
            editor->setText(field.hint == forms::EditorHint::DateTime ? now : today);
        else if (startsWithUser(field.item) && !userName.isEmpty())
            editor->setText(userName);
    }
    updateSecrecy();
}

void DocumentForm::setEditing(bool editing)
{
    m_editing = editing;
    // Read mode shows the values as text on the page, not as boxes waiting for input.
    static const QString kReadMode =
        QStringLiteral("QLineEdit[readOnly=\"true\"], QPlainTextEdit[readOnly=\"true\"] { border: none; "
                       "background: transparent; }"
                       "QComboBox:disabled { border: none; background: transparent; color: palette(text); }"
                       "QComboBox::drop-down:disabled { width: 0px; border: none; }"
                       "QComboBox::down-arrow:disabled { image: none; width: 0px; height: 0px; }"
                       "QGroupBox { font-weight: bold; }");
    setStyleSheet(editing ? QString() : kReadMode);
    for (FieldEditor* editor : std::as_const(m_editors))
        editor->setReadOnly(!editing);
    if (m_attachments)
        m_attachments->setReadOnly(!editing);
    updateSecrecy();
}

bool DocumentForm::isModified() const
{
    return !changedItems().isEmpty() || (m_attachments && m_attachments->isChanged());
}

QStringList DocumentForm::changedItems() const
{
    QStringList changed;
    for (const forms::FieldDefinition* field : m_form.fields()) {
        if (m_editors.value(field->item)->isChanged())
            changed << field->item;
    }
    return changed;
}

void DocumentForm::applyTo(DocumentEdit& edit) const
{
    for (const QString& name : changedItems()) {
        const FieldEditor* editor = m_editors.value(name);
        if (std::optional<Item> item = editor->item())
            edit.set(std::move(*item));
        else if (m_loaded.item(name))
            edit.remove(name);
    }
    if (m_attachments)
        m_attachments->applyTo(edit);
}

bool DocumentForm::validate(const DocumentEdit& edit)
{
    clearProblems();
    bool ok = true;
    for (FieldEditor* editor : std::as_const(m_editors)) {
        if (const QString error = editor->inputError(); !error.isEmpty()) {
            QLabel* label = m_problems.value(editor->field().item);
            label->setText(error);
            label->setVisible(true);
            ok = false;
        }
    }
    const Document result = forms::applyEdit(m_loaded, edit);
    for (const forms::FieldProblem& problem : forms::validateDocument(m_form, result)) {
        QLabel* label = m_problems.value(problem.item);
        if (!label) {
            showFormProblem(problem.message);
        } else if (!label->isVisible()) {
            label->setText(problem.message);
            label->setVisible(true);
        }
        ok = false;
    }
    return ok;
}

void DocumentForm::showFormProblem(const QString& message)
{
    m_formProblem->setText(message);
    m_formProblem->setToolTip(QString());
    m_formProblem->setVisible(!message.isEmpty());
}

void DocumentForm::showFormError(const Status& status, const client::ErrorContext& context)
{
    ErrorBox::showIn(*m_formProblem, status, context);
}

void DocumentForm::clearProblems()
{
    for (QLabel* label : std::as_const(m_problems))
        label->setVisible(false);
    showFormProblem(QString());
}

void DocumentForm::updateSecrecy()
{
    const FieldEditor* secrecyEditor = m_editors.value(acl::secrecyItemName());
    const acl::Secrecy secrecy =
        secrecyEditor ? acl::secrecyFromText(secrecyEditor->text()) : acl::Secrecy::Unclassified;
    const QString why = forms::secrecyExplanation(secrecy);
    m_banner->setText(why);
    m_banner->setVisible(!why.isEmpty());
    for (FieldEditor* editor : std::as_const(m_editors)) {
        const bool closed =
            !why.isEmpty() && forms::blockedBySecrecy(editor->field()) && editor->text().trimmed().isEmpty();
        editor->setClosed(closed, why);
    }
    if (m_attachments)
        m_attachments->setClosedReason(why.isEmpty() ? QString()
                                                     : tr("A classified document may not have attachments."));
}

void DocumentForm::chooseImage(const QString& item)
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Insert image"), QString(),
                                                      tr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)"));
    if (path.isEmpty())
        return;
    (void)insertImageFile(item, path); // a failure shows on the form
}

Status DocumentForm::insertImageFile(const QString& item, const QString& path)
{
    const Status status = storeAndInsertImage(item, path);
    if (!status)
        showFormError(status, client::ErrorContext::forName(client::Situation::InsertingImage,
                                                            QFileInfo(path).fileName()));
    return status;
}

Status DocumentForm::storeAndInsertImage(const QString& item, const QString& path)
{
    FieldEditor* editor = m_editors.value(item);
    RichTextEditor* rich = editor ? editor->richText() : nullptr;
    if (!rich || !m_attachments)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the field %1 takes no images").arg(item));
    QImage image(path);
    if (image.isNull())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("%1 is not an image Qt can read").arg(path));
    SEN_ASSIGN_OR_RETURN(const QString name, m_attachments->addImage(path));
    rich->insertImage(name, image);
    return Status::ok();
}

} // namespace sen::gui
