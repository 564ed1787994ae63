// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: text as a command line's scenario, parameters and fault options, through the same
// checks `procviz run` makes before it starts anything. Nothing may crash; a refusal must say why.
#include "engine/faultaction.h"
#include "engine/runcontroller.h"
#include "scenario/scenarioregistry.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    using namespace ProcViz;
    // Lines: the scenario id first, then NAME=VALUE parameters or kill/stop/cont=TARGET@SECONDS faults.
    const auto lines = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size)).split(QLatin1Char('\n'));
    const QString scenario = lines.value(0);
    QVariantMap params;
    RunOptions options;
    for (const auto& line : lines.mid(1)) {
        const auto equals = line.indexOf(QLatin1Char('='));
        const auto name = line.left(equals);
        const auto value = equals < 0 ? QString() : line.mid(equals + 1);
        const QList<std::pair<QString, FaultAction::Kind>> faults = {{QStringLiteral("kill"), FaultAction::Kind::Kill},
            {QStringLiteral("stop"), FaultAction::Kind::Stop}, {QStringLiteral("cont"), FaultAction::Kind::Continue}};
        bool isFault = false;
        for (const auto& [option, kind] : faults) {
            if (name != option)
                continue;
            isFault = true;
            QString error;
            if (const auto fault = FaultAction::parse(kind, value, &error))
                options.faults.append(*fault);
            else if (error.isEmpty())
                std::abort();
        }
        if (!isFault)
            params.insert(name, value);
    }
    QVariantMap resolved;
    const auto error = RunController::check(scenario, params, &resolved, options);
    // Accepted parameters are complete and typed; a refusal always explains itself.
    if (error.isEmpty() && resolved.size() != ScenarioRegistry::instance().find(scenario)->parameters().specs().size())
        std::abort();
    return 0;
}
