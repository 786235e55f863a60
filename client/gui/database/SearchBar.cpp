#include "client/gui/database/SearchBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace sen::gui {

SearchBar::SearchBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("searchBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 8, 4);
    const auto label = [&](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text, this);
        l->setBuddy(buddy);
        layout->addWidget(l);
        layout->addWidget(buddy);
    };
    m_number = field(QStringLiteral("searchNumber"), tr("e.g. 15/QĐ-UBND"), 130);
    m_issuer = field(QStringLiteral("searchIssuer"), tr("e.g. UBND tỉnh"), 170);
    m_from = field(QStringLiteral("searchFrom"), tr("dd/mm/yyyy"), 90);
    m_to = field(QStringLiteral("searchTo"), tr("dd/mm/yyyy"), 90);
    label(tr("&Number:"), m_number);
    label(tr("&Issuer:"), m_issuer);
    label(tr("&From:"), m_from);
    label(tr("&To:"), m_to);

    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("searchScope"));
    m_scope->addItem(tr("This database"));
    m_scope->addItem(tr("All databases"));
    layout->addSpacing(8);
    label(tr("&In:"), m_scope);

    auto* button = new QPushButton(tr("Search"), this);
    button->setObjectName(QStringLiteral("searchButton"));
    connect(button, &QPushButton::clicked, this, &SearchBar::searchRequested);
    layout->addWidget(button);
    layout->addStretch(1);
}

QLineEdit* SearchBar::field(const QString& name, const QString& placeholder, int width)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setMaximumWidth(width + 30);
    edit->setMinimumWidth(width);
    connect(edit, &QLineEdit::returnPressed, this, &SearchBar::searchRequested);
    return edit;
}

Result<app::SearchQuery> SearchBar::query(const QString& words) const
{
    return app::SearchQuery::fromTexts(words, m_number->text(), m_issuer->text(), m_from->text(),
                                       m_to->text());
}

bool SearchBar::allDatabases() const
{
    return m_scope->currentIndex() == 1;
}

void SearchBar::setAllDatabases(bool all)
{
    m_scope->setCurrentIndex(all ? 1 : 0);
}

void SearchBar::setNumber(const QString& text)
{
    m_number->setText(text);
}

void SearchBar::setIssuer(const QString& text)
{
    m_issuer->setText(text);
}

void SearchBar::setDates(const QString& from, const QString& to)
{
    m_from->setText(from);
    m_to->setText(to);
}

void SearchBar::clear()
{
    for (QLineEdit* edit : {m_number, m_issuer, m_from, m_to})
        edit->clear();
}

QString SearchBar::describe(const app::SearchQuery& query, bool everyDatabase)
{
    QStringList parts;
    if (!query.words.isEmpty())
        parts << query.words;
    if (!query.number.isEmpty())
        parts << query.number;
    if (!query.issuer.isEmpty())
        parts << query.issuer;
    const QString format = QStringLiteral("dd/MM/yyyy");
    if (query.from.isValid() || query.to.isValid())
        parts << query.from.toString(format) + QStringLiteral("–") + query.to.toString(format);
    QString text = parts.join(QStringLiteral(" · "));
    if (everyDatabase)
        text = tr("%1 (all databases)").arg(text);
    return text;
}

} // namespace sen::gui
