// SPDX-License-Identifier: GPL-3.0-or-later
#include "storedparameters.h"

#include "engine/runcontroller.h"
#include "scenario/scenarioregistry.h"

namespace ProcViz {

QVariantMap acceptedParameters(const QString& scenarioId, const QVariantMap& current, const QVariantMap& stored)
{
    const auto* scenario = ScenarioRegistry::instance().find(scenarioId);
    if (!scenario)
        return current;
    QVariantMap known;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (scenario->parameters().find(it.key()))
            known.insert(it.key(), it.value());
    }
    // The engine's own check, so a restored form is never one the Run button would refuse.
    QVariantMap together = current;
    together.insert(known);
    if (RunController::check(scenarioId, together).isEmpty())
        return together;
    QVariantMap accepted = current;
    for (auto it = known.cbegin(); it != known.cend(); ++it) {
        QVariantMap trial = accepted;
        trial.insert(it.key(), it.value());
        if (RunController::check(scenarioId, trial).isEmpty())
            accepted = trial;
    }
    return accepted;
}

} // namespace ProcViz
