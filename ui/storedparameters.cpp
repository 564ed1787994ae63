// SPDX-License-Identifier: GPL-3.0-or-later
#include "storedparameters.h"

#include "scenario/parametertable.h"

namespace ProcViz {

QVariantMap acceptedParameters(const ParameterTable& table, const QVariantMap& stored)
{
    QVariantMap accepted;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        // The table alone, for this value alone: its type and range, no plan and no run options.
        if (table.find(it.key()) && table.resolve({{it.key(), it.value()}}).isValid())
            accepted.insert(it.key(), it.value());
    }
    return accepted;
}

} // namespace ProcViz
