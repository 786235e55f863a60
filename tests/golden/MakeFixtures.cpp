// sen_make_fixtures OUT: writes every golden fixture under OUT, a new folder (never
// tests/data itself: copy only the new files you mean to add). See tests/data/README.md.

#include "tests/golden/MakeFixtures.h"

#include "common/model/DocumentCodec.h"
#include "replication/protocol/Frame.h"
#include "tests/golden/GoldenInputs.h"
#include "tests/golden/GoldenMessages.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace sen::golden {

Status writeNewFile(const QString& out, const QString& relative, const QByteArray& bytes)
{
    const QString path = QDir(out).filePath(relative);
    if (!QDir().mkpath(QFileInfo(path).path()))
        return Status(ErrorCode::IoError, QStringLiteral("cannot make the folder of %1").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Status(ErrorCode::Conflict, QStringLiteral("%1 exists or cannot be created: fixtures are "
                                                          "never overwritten")
                                               .arg(path));
    if (file.write(bytes) != bytes.size() || !file.flush())
        return Status(ErrorCode::IoError, QStringLiteral("cannot write %1").arg(path));
    return Status::ok();
}

Status makeDocumentsAndFrames(const QString& out)
{
    SEN_TRY(writeNewFile(out, QStringLiteral("document/every-item-type.cbor"),
                         encodeDocument(everyItemTypeDocument())));
    SEN_TRY(writeNewFile(out, QStringLiteral("document/conflict-response.cbor"),
                         encodeDocument(conflictResponseDocument())));
    SEN_TRY(writeNewFile(out, QStringLiteral("document/deletion-stub.cbor"), encodeDocument(deletionStub())));

    // One uncompressed frame a file (request ID 0, as every session sends), and all of them
    // again in one compressed stream, the chunk data left uncompressed as a sender does.
    protocol::FrameEncoder stream;
    QByteArray compressed;
    for (const GoldenFrame& frame : goldenFrames()) {
        SEN_TRY(writeNewFile(out, frame.file,
                             protocol::FrameEncoder().encode(frame.type, 0, frame.payload, false)));
        compressed +=
            stream.encode(frame.type, 0, frame.payload, frame.type != protocol::MessageType::Chunks);
    }
    for (const GoldenFrame& frame : authorityFrames())
        SEN_TRY(writeNewFile(out, frame.file,
                             protocol::FrameEncoder().encode(frame.type, 0, frame.payload, false)));
    for (const GoldenFrame& frame : directoryFrames())
        SEN_TRY(writeNewFile(out, frame.file,
                             protocol::FrameEncoder().encode(frame.type, 0, frame.payload, false)));
    return writeNewFile(out, QStringLiteral("frames/compressed-stream.bin"), compressed);
}

} // namespace sen::golden

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: sen_make_fixtures OUT\n  writes every golden fixture under OUT "
                             "(a new folder); see tests/data/README.md\n");
        return 2;
    }
    const QString out = args[1];
    if (QFileInfo::exists(out)) {
        std::fprintf(stderr, "sen_make_fixtures: %s exists; give a new folder\n", qPrintable(out));
        return 2;
    }
    for (const auto make : {sen::golden::makeDocumentsAndFrames, sen::golden::makeReplicas,
                            sen::golden::makeIdentityAndAudit, sen::golden::makeInteractiveIdFile}) {
        const sen::Status status = make(out);
        if (!status.isOk()) {
            std::fprintf(stderr, "sen_make_fixtures: %s\n", qPrintable(status.toString()));
            return 1;
        }
    }
    std::printf("fixtures written under %s\n", qPrintable(out));
    return 0;
}
