// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario.h"

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

} // namespace ProcViz
