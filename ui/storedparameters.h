// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariantMap>

namespace ProcViz {

class ParameterTable;

/// Of the parameter values remembered for a scenario, those its @p table accepts each on its own: known names,
/// values of the right type and in range. A table may have changed since the values were stored, or the
/// settings file been edited by hand. Rules between parameters are the engine's to check, on the whole set.
QVariantMap acceptedParameters(const ParameterTable& table, const QVariantMap& stored);

} // namespace ProcViz
