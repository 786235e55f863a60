// Test helper process for the crash test: saves documents into a replica as fast as it can,
// printing each UNID on stdout only after its save returned success. The test kills it with
// SIGKILL at a random moment and checks that every printed UNID survived.
//
// usage: sen_test_saver REPLICA_PATH

#include "common/store/ReplicaStore.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

using namespace sen;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: sen_test_saver REPLICA_PATH\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    auto store = QFileInfo::exists(path) ? ReplicaStore::open(path) : ReplicaStore::create(path, {});
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.status().toString()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    for (int n = 0;; ++n) {
        DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
        for (int i = 0; i < 8; ++i)
            edit.set(Item::text(QStringLiteral("Truong%1").arg(i),
                                QStringLiteral("Văn bản số %1, trường %2").arg(n).arg(i)));
        const auto saved = (*store)->save(edit);
        if (!saved) {
            std::fprintf(stderr, "%s\n", qPrintable(saved.status().toString()));
            return 1;
        }
        std::printf("%s %d\n", qPrintable(saved->unid.toHex()), n);
        std::fflush(stdout);
    }
}
