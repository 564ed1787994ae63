// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvexporter.h"

#include "atomicfile.h"
#include "model/runmodel.h"

#include <QCoreApplication>

namespace ProcViz {

namespace {
// Roles are plain identifiers today; quoting keeps the file valid should one ever hold a comma or quote.
QByteArray field(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}
} // namespace

QByteArray CsvExporter::toCsv(const RunModel& model)
{
    QByteArray csv("time_s,worker,role,pid,progress,state,proc_state,cpu_s\n");
    for (const auto& worker : model.workers()) {
        const QByteArray prefix = ',' + QByteArray::number(worker.id) + ',' + field(worker.role) + ','
            + QByteArray::number(worker.pid) + ',';
        for (const auto& sample : worker.samples) {
            csv += QByteArray::number(double(sample.timeNs) / 1e9, 'f', 6) + prefix
                + QByteArray::number(sample.progress, 'f', 4) + ',' + stateName(sample.state).toLatin1() + ','
                + QByteArray(1, sample.procState) + ',' + QByteArray::number(sample.cpuSeconds, 'f', 3) + '\n';
        }
    }
    return csv;
}

bool CsvExporter::write(const RunModel& model, const QString& path, QString* error)
{
    return writeFileAtomically(path, toCsv(model), error);
}

} // namespace ProcViz
