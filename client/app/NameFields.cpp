#include "client/app/NameFields.h"

#include "client/forms/ComputedAccess.h"

#include <QCoreApplication>

#include <algorithm>

namespace sen::app {

namespace {

bool isNamesType(ItemType type)
{
    return type == ItemType::Names || type == ItemType::Readers || type == ItemType::Authors;
}

QStringList storedValues(const Document& base, const QString& item)
{
    for (const Item& i : base.items)
        if (i.name == item && !i.isTombstone())
            return i.toList();
    return {};
}

bool isResolved(const Item& item)
{
    return !item.isTombstone() && isNamesType(item.type) && item.name != QLatin1String(forms::kItemEditors) &&
           item.name != QLatin1String(forms::kItemMaker);
}

} // namespace

bool hasNameFields(const DocumentEdit& edit)
{
    return std::any_of(edit.sets().begin(), edit.sets().end(), isResolved);
}

std::vector<NameProblem> resolveNameFields(const client::AddressBook& book, const Document& base,
                                           DocumentEdit& edit)
{
    std::vector<NameProblem> problems;
    const std::vector<Item> sets = edit.sets(); // a copy: edit.set() below replaces entries
    for (const Item& item : sets) {
        if (!isResolved(item))
            continue;
        const QStringList before = storedValues(base, item.name);
        QStringList values;
        bool changed = false;
        for (const QString& value : item.toList()) {
            if (value.trimmed().isEmpty() || before.contains(value)) {
                values.append(value);
                continue;
            }
            client::NameResolution r = book.resolve(value);
            if (r.outcome != client::NameResolution::Outcome::Resolved) {
                problems.push_back({item.name, value, std::move(r)});
                continue;
            }
            changed = changed || r.name != value;
            if (!values.contains(r.name)) // "An" and "Nguyễn Văn An" are one person
                values.append(r.name);
            else
                changed = true;
        }
        if (changed)
            edit.set(Item::names(item.name, item.type, values, item.flags));
    }
    return problems;
}

Status nameProblemStatus(const NameProblem& problem)
{
    if (problem.resolution.outcome == client::NameResolution::Outcome::Ambiguous) {
        QStringList names;
        for (const client::DirectoryEntry& e : problem.resolution.candidates)
            names.append(e.name);
        return Status(ErrorCode::InvalidArgument,
                      QCoreApplication::translate("sen::app::NameFields",
                                                  "\"%1\" in %2 could be any of: %3. Choose one of them.")
                          .arg(problem.value, problem.item, names.join(QStringLiteral("; "))));
    }
    return Status(ErrorCode::InvalidArgument,
                  QCoreApplication::translate("sen::app::NameFields",
                                              "\"%1\" in %2 is not in the organisation's directory.")
                      .arg(problem.value, problem.item));
}

} // namespace sen::app
