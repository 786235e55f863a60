#pragma once

// The compact "advanced search" row under a database page's toolbar (issue #13): số ký hiệu,
// cơ quan ban hành, from and to dates (dd/MM/yyyy), and the scope — this database or every
// database of the workspace — with a Search button. The words come from the toolbar's search
// box; query() puts the two together as one app::SearchQuery. Enter in any field, or the
// button, asks for the search (searchRequested). Hidden until the toolbar's "Advanced" button
// shows it; the page ignores its fields and scope while it is hidden.

#include "client/app/SearchQuery.h"
#include "common/core/Result.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace sen::gui {

class SearchBar : public QWidget
{
    Q_OBJECT
public:
    explicit SearchBar(QWidget* parent = nullptr);

    // The query of `words` and the fields; InvalidArgument naming a malformed date.
    Result<app::SearchQuery> query(const QString& words) const;
    // Whether the search covers every database of the workspace.
    bool allDatabases() const;
    void setAllDatabases(bool all);
    void setNumber(const QString& text);
    void setIssuer(const QString& text);
    void setDates(const QString& from, const QString& to);
    // Empties the fields (the scope stays).
    void clear();
    // A query as the navigator shows it ("125-CV · 01/11/2026–30/11/2026 (all databases)").
    static QString describe(const app::SearchQuery& query, bool everyDatabase);

Q_SIGNALS:
    void searchRequested();

private:
    QLineEdit* field(const QString& name, const QString& placeholder, int width);

    QLineEdit* m_number = nullptr;
    QLineEdit* m_issuer = nullptr;
    QLineEdit* m_from = nullptr;
    QLineEdit* m_to = nullptr;
    QComboBox* m_scope = nullptr;
};

} // namespace sen::gui
