// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario.h"

#include <QCoreApplication>

namespace ProcViz {

QString RunResources::explainStall(const RunModel&) const
{
    return {};
}

QString Scenario::validate(const QVariantMap&) const
{
    return {};
}

std::unique_ptr<RunResources> Scenario::setUp(const QVariantMap&, QString*) const
{
    return std::make_unique<RunResources>();
}

QString Scenario::roleLabel(const QString&, int index, bool brief) const
{
    return brief ? QCoreApplication::translate("ProcViz::Scenario", "w%1").arg(index)
                 : QCoreApplication::translate("ProcViz::Scenario", "worker %1").arg(index);
}

QString Scenario::phaseLabel(const QString& phase) const
{
    return phase;
}

PanelSpec Scenario::panel() const
{
    return {};
}

int Scenario::inputWorker(const RunModel&) const
{
    return -1;
}

} // namespace ProcViz
