#pragma once

// An item (field) of a document (docs/file-format.md §Items): name, type, flags, value and
// the stamp of the edit that last set it. A removed item stays as a tombstone (no value) so
// the removal replicates. Values are held as QCborValue in the one shape each type allows
// (see isValidValue); that shape is also how they are stored and sent.

#include "common/core/HybridClock.h"
#include "common/core/VersionVector.h"

#include <QCborValue>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace sen {

// Persisted and sent on the wire: the numbers never change.
enum class ItemType : int
{
    Text = 1,       // string
    TextList = 2,   // array of strings
    Number = 3,     // double (finite)
    DateTime = 4,   // integer: milliseconds since the Unix epoch, UTC
    Names = 5,      // array of hierarchical names ("Nguyễn Văn A/VPTU/HaNoi")
    Readers = 6,    // array of names: who may see the document
    Authors = 7,    // array of names: who may edit it (with Author access)
    RichText = 8,   // string: HTML as Qt's rich-text subset
    Attachment = 9, // map: see AttachmentRef
};
bool isValidItemType(int type);
// The type a stored or received number names, or nullopt for a number no type has: never a cast.
std::optional<ItemType> itemTypeFromInt(qint64 value);
QString itemTypeName(ItemType type); // "text", "number", ... (the command-line spelling)

// The date-times an item may hold, in ms since the epoch: the years 1 to 9999 (what QDateTime
// and every form can show). A value beyond is malformed wherever it is read.
constexpr qint64 kMinDateTimeMs = -62'135'596'800'000; // 0001-01-01T00:00:00Z
constexpr qint64 kMaxDateTimeMs = 253'402'300'799'999; // 9999-12-31T23:59:59.999Z

// Bit flags, persisted.
enum ItemFlag : int
{
    Summary = 1,   // shown in views; sent to summary-only replicas
    Signed = 2,    // covered by a signature item
    Encrypted = 4, // value is ciphertext
};
constexpr int kKnownItemFlags = Summary | Signed | Encrypted;

// The edit that last set an item: its dot and its hybrid-clock time.
struct Stamp
{
    Dot dot;
    HlcTime time = 0;
    friend bool operator==(const Stamp&, const Stamp&) = default;
};

struct Item
{
    QString name;
    ItemType type = ItemType::Text;
    int flags = 0;
    QCborValue value; // undefined for a tombstone
    Stamp stamp;

    bool isTombstone() const { return value.isUndefined(); }
    // Same content (type, flags, value), ignoring the stamp.
    bool sameContent(const Item& other) const;

    // Value accessors; each returns an empty value when the type does not match.
    QString toText() const;
    QStringList toList() const; // TextList, Names, Readers, Authors (and Text as one element)
    double toNumber() const;
    QDateTime toDateTime() const;

    // Builders for local edits (stamps are assigned by the store).
    static Item text(const QString& name, const QString& value, int flags = Summary);
    static Item textList(const QString& name, const QStringList& values, int flags = Summary);
    static Item number(const QString& name, double value, int flags = Summary);
    static Item dateTime(const QString& name, const QDateTime& value, int flags = Summary);
    static Item names(const QString& name, ItemType namesType, const QStringList& values,
                      int flags = Summary);
    static Item richText(const QString& name, const QString& html, int flags = 0);
    static Item withValue(const QString& name, ItemType type, QCborValue value, int flags);

    friend bool operator==(const Item&, const Item&) = default;
};

// Whether `value` has the shape `type` requires (a tombstone's undefined value is not valid
// here; check isTombstone first).
bool isValidValue(ItemType type, const QCborValue& value);

// Item names: 1 to 256 characters, no control characters; names starting with '$' are
// reserved for Sen's own items.
bool isValidItemName(const QString& name);

} // namespace sen
