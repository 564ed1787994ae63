// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelabel.h"

#include <QCoreApplication>

namespace ProcViz {

QString modeLabel(const QString& mode)
{
    if (mode == QLatin1String("gil"))
        return QCoreApplication::translate("ProcViz::ModeLabel", "emulated GIL");
    return mode;
}

QString workerLabel(const QString& role, int index, bool brief)
{
    static const char* const named[][2] = {
        {"producer", QT_TRANSLATE_NOOP("ProcViz::ModeLabel", "producer %1")},
        {"consumer", QT_TRANSLATE_NOOP("ProcViz::ModeLabel", "consumer %1")},
        {"sender", QT_TRANSLATE_NOOP("ProcViz::ModeLabel", "sender %1")},
        {"receiver", QT_TRANSLATE_NOOP("ProcViz::ModeLabel", "receiver %1")},
        {"peer", QT_TRANSLATE_NOOP("ProcViz::ModeLabel", "peer %1")},
    };
    for (const auto& entry : named) {
        if (role == QLatin1String(entry[0]))
            return QCoreApplication::translate("ProcViz::ModeLabel", entry[1]).arg(index);
    }
    return brief ? QCoreApplication::translate("ProcViz::ModeLabel", "w%1").arg(index)
                 : QCoreApplication::translate("ProcViz::ModeLabel", "worker %1").arg(index);
}

} // namespace ProcViz
