// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariantMap>

namespace ProcViz {

/// Of the parameter values remembered for @p scenarioId, those the scenario still accepts, laid over
/// @p current: all of them if they pass the engine's check together, otherwise one at a time, each kept
/// only if the whole set still passes. Unknown names and refused values are dropped. A table may have
/// changed since the values were stored, or the settings file been edited by hand.
QVariantMap acceptedParameters(const QString& scenarioId, const QVariantMap& current, const QVariantMap& stored);

} // namespace ProcViz
