#pragma once

// The human tables of sen-server's list commands: columns padded to their widest cell, two
// spaces apart, the first row a header. Scripts use the --json form instead.

#include <QList>
#include <QStringList>
#include <QTextStream>

namespace sen::server {

class TextTable
{
public:
    static void print(QTextStream& out, const QList<QStringList>& rows);
};

} // namespace sen::server
