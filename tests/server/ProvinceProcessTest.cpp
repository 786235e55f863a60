// Issue #16 end to end: a province as real processes over TLS on loopback. A hub and three
// spokes (sen-server: init, server add, init --server-id, db replicate, connection add with a
// test minute of one second), two senctl offices at each spoke, random registrations, edits,
// deletions and syncs everywhere; one spoke stopped for many scheduled rounds, another killed
// with SIGKILL while an office syncs with it. At the end every office's `senctl dump` is
// byte-identical, every server's replica is byte-identical (the same dump lines, stubs
// included) and holds what the offices hold, nothing created is lost, nothing deleted lives
// again — a registration deleted while an office wrote its number included: its stub keeps
// the number (merge rule 5) — and no register gives a number twice, stubs' numbers counted.
// Seeded: SEN_SEED=N replays a run.
//
// The registers of vanban are numbered by the first spoke (db create --numbered-by): its
// offices are numbered by their home server, the numbers reach the other spokes relayed by
// the hub (docs/servers.md "Numbers"). The other offices' registrations await a number (a
// replica's numbers come from its home server only), the same everywhere.

#include "client/core/DocumentJson.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"
#include "tests/server/ServerProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <catch2/catch.hpp>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <vector>

using namespace sen;
using test::ServerProcess;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

constexpr int kSpokes = 3;
constexpr int kOfficesPerSpoke = 2;
constexpr int kSteps = 200; // about 33 operations per office
const QString kDb = QStringLiteral("vanban");

// What `senctl dump` prints for a server's replica file: the same dumpLine per document,
// stubs included, in the store's order.
QString serverDump(const QString& path)
{
    ReplicaOpenOptions options;
    options.readOnly = true;
    auto store = ReplicaStore::open(path, options);
    INFO(store.status().toString().toStdString());
    REQUIRE(store.isOk());
    QByteArray out;
    REQUIRE((*store)
                ->forEachDocument(
                    [&](const Document& doc) {
                        out += client::dumpLine(doc);
                        out += '\n';
                        return true;
                    },
                    true)
                .isOk());
    return QString::fromUtf8(out).trimmed();
}

// The lines of a dump that are live documents (a client drops the stubs every peer
// acknowledged, a server keeps them: docs/merge.md).
QStringList liveLines(const QString& dump)
{
    QStringList live;
    for (const QString& line : dump.split(u'\n', Qt::SkipEmptyParts))
        if (!QJsonDocument::fromJson(line.toUtf8()).object().contains(S("deleted")))
            live << line;
    return live;
}

// The first line where two dumps differ, both sides, for the failure message.
std::string firstDifference(const QString& a, const QString& b)
{
    const QStringList left = a.split(u'\n'), right = b.split(u'\n');
    for (qsizetype i = 0; i < std::max(left.size(), right.size()); ++i) {
        const QString l = left.value(i), r = right.value(i);
        if (l != r)
            return QStringLiteral("line %1:\n  %2\n  %3").arg(i + 1).arg(l, r).toStdString();
    }
    return {};
}

struct Registration
{
    QString registerHex;
    qint64 number = 0; // 0: awaiting
    QString subject;
    bool conflict = false;
    bool deleted = false; // a stub (whose number, if it keeps one, is still the registration's)
};

// The VanBanDen documents of a dump by UNID.
std::map<QString, Registration> registrations(const QString& dump)
{
    std::map<QString, Registration> out;
    for (const QString& line : dump.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject doc = QJsonDocument::fromJson(line.toUtf8()).object();
        if (doc.value(S("form")).toString() != S("VanBanDen"))
            continue;
        Registration r;
        r.conflict = doc.value(S("conflict")).toBool();
        r.deleted = doc.contains(S("deleted"));
        for (const QJsonValue& v : doc.value(S("items")).toArray()) {
            const QJsonObject item = v.toObject();
            const QString name = item.value(S("name")).toString();
            if (name == S("SoVanBan"))
                r.registerHex = item.value(S("value")).toString();
            else if (name == S("SoDen") && !item.value(S("value")).isNull())
                r.number = item.value(S("value")).toVariant().toLongLong();
            else if (name == S("TrichYeu"))
                r.subject = item.value(S("value")).toString();
        }
        out[doc.value(S("unid")).toString()] = r;
    }
    return out;
}

quint32 seedFromEnvironment()
{
    bool ok = false;
    const quint32 given = qEnvironmentVariable("SEN_SEED").toUInt(&ok);
    return ok ? given : QRandomGenerator::global()->generate();
}

struct Office
{
    int spoke = 0;
    QString home;
    std::set<QString> holds; // registrations this office holds live (from its dump)
};

// A document the offices made: who, whether it may be edited (by anyone) or deleted (only by
// its maker, so no edit it has not seen can revive it: docs/merge.md rule 5), and its state.
struct Made
{
    int office = 0;
    bool doomed = false;
    bool deleted = false;
};

} // namespace

TEST_CASE("Province: a hub and three spokes as processes, offices editing everywhere, one spoke offline "
          "and one killed, end byte-identical with unique numbers",
          "[.][server][process][province-process]")
{
    const quint32 seed = seedFromEnvironment();
    std::cout << "ProvinceProcessTest seed " << seed << " (SEN_SEED replays)" << std::endl;
    INFO("seed " << seed << " (SEN_SEED=" << seed << " replays)");
    QRandomGenerator random(seed);

    // 1. The hub: three spokes' IDs, vanban numbered by the first spoke, the ACL.
    test::TempDir dir;
    ServerProcess hub(dir);
    QStringList spokeNames, spokeIds;
    for (int s = 0; s < kSpokes; ++s) {
        spokeNames << S("quan%1").arg(s + 1);
        spokeIds << hub.addServer(spokeNames.last());
    }
    hub.admin({S("db"), S("create"), kDb, S("--kind"), S("documents"), S("--numbered-by"), spokeNames[0]});
    for (const QString& name : spokeNames)
        hub.admin({S("acl"), S("set"), kDb, name + S("/VPTU/HaNoi"), S("Manager")});
    std::vector<Office> offices;
    std::vector<QString> officeIds;
    for (int s = 0; s < kSpokes; ++s)
        for (int o = 0; o < kOfficesPerSpoke; ++o) {
            const QString user = S("Văn thư %1 quận %2").arg(o + 1).arg(s + 1);
            officeIds.push_back(hub.registerUser(user));
            hub.admin({S("acl"), S("set"), kDb, user + S("/VPTU/HaNoi"), S("Editor"), S("--delete")});
            offices.push_back({s, dir.path(S("office-%1-%2").arg(s + 1).arg(o + 1)), {}});
        }
    hub.start();

    // The spokes take vanban from the hub (that first session also brings the hub's authority
    // record: the CRL, the users, the ACL), run, and replicate with the hub every second.
    std::vector<std::unique_ptr<ServerProcess>> spokes;
    for (int s = 0; s < kSpokes; ++s) {
        spokes.push_back(std::make_unique<ServerProcess>(dir, S("spoke%1").arg(s + 1), spokeIds[s]));
        ServerProcess& spoke = *spokes.back();
        spoke.setEnvironment(S("SEN_TEST_MINUTE_SECONDS"), S("1"));
        spoke.admin({S("db"), S("replicate"), hub.address(), kDb});
        spoke.start();
        spoke.admin({S("connection"), S("add"), hub.address(), S("--every"), S("1")});
    }

    // 2. The offices log in and take vanban from their spoke.
    const auto dumpOf = [&](const Office& office) {
        return ServerProcess::senctlOk(office.home, {S("dump"), kDb}).trimmed();
    };
    const auto look = [&](Office& office) {
        office.holds.clear();
        for (const auto& [unid, r] : registrations(dumpOf(office)))
            office.holds.insert(unid);
    };
    for (size_t o = 0; o < offices.size(); ++o) {
        ServerProcess::senctlOk(offices[o].home, {S("login"), S("--id"), officeIds[o]});
        ServerProcess::senctlOk(offices[o].home,
                                {S("replica"), S("add"), spokes[size_t(offices[o].spoke)]->address(), kDb});
    }

    // 3. Random operations. The third spoke is down from a third of the run to two thirds
    // (many scheduled rounds of the others); the second is killed with SIGKILL once, while one
    // of its offices syncs, and restarted a few steps later.
    std::map<QString, Made> made;
    std::map<QString, QString> lastSubject; // UNID -> the last subject an office wrote
    int created = 0, edits = 0, deletions = 0, syncs = 0, failedSyncs = 0;
    const int offlineFrom = kSteps / 3, offlineTo = 2 * kSteps / 3;
    const int killAt = offlineFrom / 2 + int(random.bounded(quint32(offlineTo - offlineFrom / 2)));
    bool spoke3Up = true, spoke2Up = true;
    int spoke2BackAt = -1;
    for (int step = 0; step < kSteps; ++step) {
        if (step == offlineFrom) {
            spokes[2]->stop();
            spoke3Up = false;
        }
        if (step == offlineTo) {
            QThread::sleep(5); // more scheduled rounds of the others
            spokes[2]->start();
            spoke3Up = true;
        }
        if (step == killAt) {                                   // SIGKILL while an office's sync is in flight
            Office& office = offices[size_t(kOfficesPerSpoke)]; // the second spoke's first office
            QProcess sync;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(S("SEN_PASSWORD"), ServerProcess::kPassword);
            sync.setProcessEnvironment(env);
            sync.start(QStringLiteral(SENCTL_EXE), {S("--home"), office.home, S("sync")});
            REQUIRE(sync.waitForStarted());
            QThread::msleep(random.bounded(300u));
            spokes[1]->kill();
            REQUIRE(sync.waitForFinished(60'000));
            spoke2Up = false;
            spoke2BackAt = step + 5 + int(random.bounded(10u));
        }
        if (step == spoke2BackAt) {
            spokes[1]->start(); // the data directory opens and resumes
            spoke2Up = true;
        }
        const size_t o = random.bounded(quint32(offices.size()));
        Office& office = offices[o];
        const quint32 action = random.bounded(20u);
        if (action < 7) { // a registration, online (numbered at once at the first spoke) or not
            QStringList words{S("doc"),
                              S("create"),
                              kDb,
                              S("--form"),
                              S("VanBanDen"),
                              S("--set"),
                              S("TrichYeu=Công văn đến %1 của văn phòng %2").arg(++created).arg(o + 1)};
            if (random.bounded(2u) == 0)
                words << S("--offline");
            const test::ProcessOutput run = ServerProcess::senctl(office.home, words);
            INFO("office " << o << ": " << words.join(u' ').toStdString() << "\n" << run.err.toStdString());
            REQUIRE(run.code == 0);
            const QString unid = run.out.trimmed().section(u'\n', 0, 0).section(u'\t', 0, 0).trimmed();
            REQUIRE(unid.size() == 32);
            made[unid] = {int(o), random.bounded(4u) == 0, false};
            lastSubject[unid] = words[6].section(u'=', 1);
            office.holds.insert(unid);
        } else if (action < 11) { // an edit of a document this office holds, not a doomed one
            std::vector<QString> editable;
            for (const QString& unid : office.holds)
                if (made.count(unid) && !made[unid].doomed)
                    editable.push_back(unid);
            if (editable.empty())
                continue;
            const QString unid = editable[random.bounded(quint32(editable.size()))];
            const QString subject = S("Sửa %1 tại văn phòng %2").arg(++edits).arg(o + 1);
            ServerProcess::senctlOk(office.home,
                                    {S("doc"), S("update"), kDb, unid, S("--set"), S("TrichYeu=") + subject});
            lastSubject[unid] = subject;
        } else if (action < 13) { // a deletion of a doomed document this office made
            std::vector<QString> doomed;
            for (const auto& [unid, m] : made)
                if (m.office == int(o) && m.doomed && !m.deleted)
                    doomed.push_back(unid);
            if (doomed.empty())
                continue;
            const QString unid = doomed[random.bounded(quint32(doomed.size()))];
            ServerProcess::senctlOk(office.home, {S("doc"), S("delete"), kDb, unid});
            made[unid].deleted = true;
            office.holds.erase(unid);
            ++deletions;
        } else { // a sync: fails while the office's spoke is down, nothing is lost
            const test::ProcessOutput run = ServerProcess::senctl(office.home, {S("sync")});
            const bool up = (office.spoke != 1 || spoke2Up) && (office.spoke != 2 || spoke3Up);
            INFO("office " << o << " sync: " << run.out.toStdString() << run.err.toStdString());
            if (up)
                CHECK(run.code == 0);
            ++syncs;
            if (run.code != 0)
                ++failedSyncs;
            look(office);
        }
    }
    if (!spoke2Up)
        spokes[1]->start();
    std::cout << "ProvinceProcessTest: " << created << " registrations, " << edits << " edits, " << deletions
              << " deletions, " << syncs << " syncs (" << failedSyncs << " failed)" << std::endl;

    // 4. Quiesce: office syncs, the schedule runs, until a full round changes nothing and
    // everything agrees.
    const auto serverDumps = [&] {
        QStringList dumps{serverDump(hub.databasePath(kDb))};
        for (const auto& spoke : spokes)
            dumps << serverDump(spoke->databasePath(kDb));
        return dumps;
    };
    const auto officeDumps = [&] {
        QStringList dumps;
        for (const Office& office : offices)
            dumps << dumpOf(office);
        return dumps;
    };
    const auto agree = [](const QStringList& dumps) {
        for (const QString& dump : dumps)
            if (dump != dumps.first())
                return false;
        return true;
    };
    QStringList servers, desks, previous;
    int rounds = 0;
    for (; rounds < 10; ++rounds) {
        for (const Office& office : offices) {
            const test::ProcessOutput run = ServerProcess::senctl(office.home, {S("sync")});
            INFO(run.err.toStdString());
            CHECK(run.code == 0);
        }
        QThread::sleep(3); // three scheduled rounds of every spoke
        servers = serverDumps();
        desks = officeDumps();
        const QStringList now = servers + desks;
        if (agree(servers) && agree(desks) && liveLines(servers.first()) == liveLines(desks.first()) &&
            now == previous)
            break;
        previous = now;
    }
    std::cout << "ProvinceProcessTest: quiet after " << rounds + 1 << " rounds" << std::endl;

    // 5. Byte-identical everywhere.
    for (int s = 0; s < servers.size(); ++s) {
        INFO("server " << s << " (0: the hub) differs from the hub at "
                       << firstDifference(servers.first(), servers[s]));
        CHECK(servers[s] == servers.first());
    }
    for (int d = 0; d < desks.size(); ++d) {
        INFO("office " << d << " differs from office 0 at " << firstDifference(desks.first(), desks[d]));
        CHECK(desks[d] == desks.first());
    }
    REQUIRE(liveLines(servers.first()) == liveLines(desks.first()));

    // Nothing lost, no zombie: every document made and not deleted is live, with a subject an
    // office wrote last (the winner, or a conflict document beside it); every deleted one is
    // a stub on every server and absent from every office.
    auto final = registrations(desks.first());
    std::erase_if(final, [](const auto& entry) { return entry.second.deleted; });
    const auto atHub = registrations(servers.first());
    QStringList stubs;
    for (const QString& line : servers.first().split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject doc = QJsonDocument::fromJson(line.toUtf8()).object();
        if (doc.contains(S("deleted")))
            stubs << doc.value(S("unid")).toString();
    }
    std::set<QString> subjects;
    for (const auto& [unid, r] : final)
        subjects.insert(r.subject);
    int deletedWithNumber = 0;
    for (const auto& [unid, m] : made) {
        INFO("document " << unid.toStdString() << " made by office " << m.office);
        if (m.deleted) {
            // A registration deleted while an office of the numbering spoke wrote its number
            // stays deleted; its stub keeps the number (merge rule 5, docs/merge.md).
            CHECK(final.count(unid) == 0);
            CHECK(stubs.contains(unid));
            if (atHub.count(unid) && atHub.at(unid).number > 0)
                ++deletedWithNumber;
        } else {
            REQUIRE(final.count(unid) == 1);
            CHECK(subjects.count(lastSubject[unid]) == 1);
        }
    }

    // Every server knows which server numbers vanban: the hub's setting, carried to the spokes
    // (server/net/NumberingServer.h), or the first spoke refuses its offices' NUMBER.
    for (int s = 0; s <= kSpokes; ++s) {
        const QString path = s == 0 ? hub.databasePath(kDb) : spokes[size_t(s - 1)]->databasePath(kDb);
        ReplicaOpenOptions options;
        options.readOnly = true;
        auto store = ReplicaStore::open(path, options);
        REQUIRE(store.isOk());
        const auto numberedBy = (*store)->setting(QString::fromUtf16(registers::kNumberedBySetting));
        INFO("server " << s << " (0: the hub): registers.numbered_by");
        CHECK(numberedBy.isOk());
        CHECK((numberedBy ? *numberedBy : QString()) == spokeNames[0] + S("/VPTU/HaNoi"));
    }

    // Numbers: unique within each register (one year: the run's), every registration of the
    // first spoke's offices numbered, the others' awaiting alike everywhere.
    // vanban has one register for incoming documents: a stub that keeps a number (above)
    // still holds it in it.
    std::map<QString, std::set<qint64>> runs;
    int numbered = 0;
    for (const auto& [unid, r] : final) {
        if (r.conflict || r.number == 0 || r.registerHex.isEmpty())
            continue;
        INFO("document " << unid.toStdString() << " number " << r.number);
        CHECK(runs[r.registerHex].insert(r.number).second);
        ++numbered;
    }
    REQUIRE(runs.size() <= 1);
    for (const auto& [unid, r] : atHub)
        if (r.deleted && !r.conflict && r.number > 0) {
            INFO("stub " << unid.toStdString() << " keeps number " << r.number);
            CHECK((runs.empty() || runs.begin()->second.insert(r.number).second));
        }
    for (const auto& [unid, m] : made)
        if (!m.deleted && offices[size_t(m.office)].spoke == 0) {
            INFO("registration " << unid.toStdString() << " of the numbering spoke's office " << m.office);
            CHECK(final.at(unid).number > 0);
        }
    std::cout << "ProvinceProcessTest: " << final.size() << " live registrations, " << numbered
              << " numbered in " << runs.size() << " registers, " << deletedWithNumber
              << " deleted while numbered (the stub keeps the number)" << std::endl;

    for (auto& spoke : spokes)
        spoke->stop();
    hub.stop();
    hub.admin({S("audit"), S("verify")});
    for (auto& spoke : spokes)
        spoke->admin({S("audit"), S("verify")});
}
