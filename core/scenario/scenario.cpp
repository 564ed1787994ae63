// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario.h"

#include "model/runmodel.h"
#include "scenario/parametertable.h"

#include <QCoreApplication>
#include <QJsonObject>

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

QString Scenario::roleLabel(const QString& role, int index, bool brief) const
{
    // A process a program created itself (the Python runtime) goes by its own name: "Process-1".
    if (!roles().contains(role))
        return role;
    return brief ? QCoreApplication::translate("ProcViz::Scenario", "w%1").arg(index)
                 : QCoreApplication::translate("ProcViz::Scenario", "worker %1").arg(index);
}

QStringList Scenario::programParameters() const
{
    QStringList names;
    for (const auto& spec : parameters().specs())
        names.append(spec.name);
    return names;
}

QString Scenario::validateProgram(const QVariantMap& given) const
{
    const QStringList taken = programParameters();
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        if (!taken.contains(it.key())) {
            QStringList options;
            for (const auto& name : taken)
                options.append(QLatin1String("--") + name);
            return QCoreApplication::translate("ProcViz::Scenario",
                "--%1 has no counterpart in the lesson's Python program, which takes %2.")
                .arg(it.key(), options.join(QLatin1String(", ")));
        }
    }
    return {};
}

Evaluation Scenario::evaluateProgram(const RunModel& model, const QJsonObject& printed) const
{
    Evaluation evaluation;
    evaluation.result = printed;
    evaluation.result.insert(QStringLiteral("runtime"), QStringLiteral("python"));
    evaluation.result.insert(QStringLiteral("outcome"), model.outcomeId());
    const auto& main = model.workers().value(0);
    const bool ended = main.exitCode == 0;
    evaluation.checks.append({QStringLiteral("program_completed"), ended && !printed.isEmpty(),
        ended ? (printed.isEmpty() ? QCoreApplication::translate("ProcViz::Scenario",
                                         "the program ended with exit code 0 but printed no result line")
                                   : QCoreApplication::translate("ProcViz::Scenario",
                                         "the program ended with exit code 0 and printed its result"))
              : QCoreApplication::translate("ProcViz::Scenario", "the program did not end well (%1)")
                    .arg(main.signal ? QStringLiteral("signal %1").arg(*main.signal)
                                     : QStringLiteral("exit code %1").arg(main.exitCode.value_or(-1))),
        true});
    return evaluation;
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
