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

} // namespace ProcViz
