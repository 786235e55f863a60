#include "client/gui/replication/ReplicaDetails.h"

#include "client/core/RefusedChanges.h"
#include "client/gui/replication/SyncErrorText.h"
#include "common/store/ReplicationLog.h"

#include <QDateTime>
#include <QStandardItemModel>

namespace sen::gui {

namespace {

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

QStandardItem* cell(const QString& text)
{
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    return item;
}

QStandardItem* number(qint64 value)
{
    QStandardItem* item = cell(QString::number(value));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// What a cadre recognises a document by: its subject line when it has one.
QString documentLabel(ReplicaStore& store, const Unid& unid)
{
    const auto doc = store.get(unid);
    if (!doc)
        return unid.toHex().left(12);
    for (const char* name : {"TrichYeu", "Subject", "TieuDe", "Title"}) {
        const QString text = doc->text(QLatin1String(name));
        if (!text.isEmpty())
            return text;
    }
    return ReplicaDetails::tr("%1 document %2").arg(doc->form, unid.toHex().left(8));
}

} // namespace

QString ReplicaDetails::bytesText(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return tr("%1 KB").arg(bytes / 1024);
    return tr("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

void ReplicaDetails::clear(QStandardItemModel& history, QStandardItemModel& errors,
                           QStandardItemModel& refusals)
{
    history.removeRows(0, history.rowCount());
    errors.removeRows(0, errors.rowCount());
    refusals.removeRows(0, refusals.rowCount());
}

Status ReplicaDetails::fillHistory(QStandardItemModel& model, ReplicaStore& store)
{
    model.clear();
    model.setHorizontalHeaderLabels({tr("When"), tr("Received"), tr("Sent"), tr("Conflicts"), tr("Refused"),
                                     tr("Transferred"), tr("Result")});
    SEN_ASSIGN_OR_RETURN(const auto history, store.replication().log().history(kHistoryRows));
    for (const HistoryEntry& entry : history) {
        model.appendRow({cell(when(entry.finishedMs)), number(entry.received), number(entry.sent),
                         number(entry.conflicts), number(entry.refused),
                         cell(bytesText(entry.bytesIn + entry.bytesOut)),
                         cell(entry.status == ErrorCode::Ok          ? tr("OK")
                              : entry.status == ErrorCode::Cancelled ? tr("Stopped")
                                                                     : tr("Failed"))});
    }
    return Status::ok();
}

Status ReplicaDetails::fillErrors(QStandardItemModel& model, ReplicaStore& store,
                                  const client::ReplicaSettings& settings,
                                  const std::optional<client::SyncReport>& report)
{
    model.clear();
    model.setHorizontalHeaderLabels({tr("When"), tr("What happened")});
    if (report && !report->status.isOk())
        model.appendRow({cell(tr("Just now")),
                         cell(SyncErrorText::describe(report->status, settings.server, settings.database))});
    SEN_ASSIGN_OR_RETURN(const auto history, store.replication().log().history(kHistoryRows));
    for (const HistoryEntry& entry : history) {
        if (entry.status == ErrorCode::Ok)
            continue;
        model.appendRow(
            {cell(when(entry.finishedMs)),
             cell(SyncErrorText::describe(entry.status, entry.message, settings.server, settings.database))});
    }
    return Status::ok();
}

Status ReplicaDetails::fillRefusals(QStandardItemModel& model, ReplicaStore& store)
{
    model.clear();
    model.setHorizontalHeaderLabels({tr("Document"), tr("Why"), tr("When"), tr("Refused by")});
    SEN_ASSIGN_OR_RETURN(const auto refusals, client::RefusedChanges::list(store));
    for (const client::RefusedChange& refusal : refusals) {
        QString why = refusal.deletion ? tr("Deletion refused by the server: %1").arg(refusal.reason)
                                       : tr("Change refused by the server: %1").arg(refusal.reason);
        if (!refusal.current)
            why += u' ' + tr("(changed since; the new version will be offered at the next sync)");
        QStandardItem* document =
            cell(refusal.label.isEmpty() ? documentLabel(store, refusal.unid) : refusal.label);
        document->setData(refusal.unid.toHex(), Qt::UserRole);
        QStandardItem* reason = cell(why);
        reason->setToolTip(refusal.serverMessage);
        model.appendRow({document, reason, cell(when(refusal.atMs)), cell(refusal.peer)});
    }
    return Status::ok();
}

} // namespace sen::gui
