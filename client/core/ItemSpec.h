#pragma once

// Items written on a command line (senctl's contract):
//   NAME=TEXT              a text item
//   NAME:TYPE=VALUE        TYPE one of text, textlist, number, datetime (ISO 8601), names,
//                          readers, authors, richtext; lists separated by ';'
// and the reverse mapping used for JSON: type names, and JSON values to item values.

#include "common/core/Result.h"
#include "common/model/Item.h"

#include <QJsonValue>

#include <optional>

namespace sen::client {

// "number" -> ItemType::Number; attachment is not a type a user can set directly.
std::optional<ItemType> itemTypeFromName(const QString& name);

Result<Item> parseItemSpec(const QString& spec);

// A value given as text for `type` (lists split on ';', dates in ISO 8601).
Result<QCborValue> parseItemValue(ItemType type, const QString& text);

// JSON for import: strings, numbers and arrays of strings are text, number and text list;
// {"type": T, "value": V} gives any other type.
Result<Item> itemFromJson(const QString& name, const QJsonValue& json);

// The value as JSON, for get/list/dump: text as strings, lists as arrays, numbers as
// numbers, date-times as ISO 8601 UTC strings with milliseconds, attachments as
// {"name", "size", "sha256"}.
QJsonValue itemValueToJson(const Item& item);

// The value as one line of text for people: lists joined with "; ", dates as
// dd/MM/yyyy HH:mm (local time), attachments as "name (size bytes)".
QString itemValueToText(const Item& item);

} // namespace sen::client
