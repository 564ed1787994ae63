// SPDX-License-Identifier: GPL-3.0-or-later
#include "outcome.h"

#include "runmodel.h"

#include <array>

namespace ProcViz {

namespace {
constexpr std::array<const char*, 5> Ids = {"completed", "stopped", "deadlock", "limit", "failed"};
}

QString outcomeId(Outcome outcome)
{
    return QString::fromLatin1(Ids.at(size_t(outcome)));
}

std::optional<Outcome> outcomeFromId(QStringView id)
{
    for (size_t i = 0; i < Ids.size(); ++i) {
        if (id == QLatin1String(Ids[i]))
            return Outcome(i);
    }
    return std::nullopt;
}

QString OutcomeText::brief(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Completed:
        return tr("Run completed");
    case Outcome::Stopped:
        return tr("Run stopped");
    case Outcome::Deadlock:
        return tr("Run ended: deadlock");
    case Outcome::Limit:
        return tr("Run ended at a limit");
    case Outcome::Failed:
        break;
    }
    return tr("Run failed");
}

QString OutcomeText::sentence(const RunModel& model)
{
    const auto outcome = model.outcome();
    if (!outcome)
        return tr("Running: the checks appear when the run ends.");
    const double seconds = double(model.endNs()) / 1e9;
    QString line;
    switch (*outcome) {
    case Outcome::Completed:
        line = tr("Run completed in %1 s.").arg(seconds, 0, 'f', 2);
        break;
    case Outcome::Stopped:
        line = tr("Stopped after %1 s: the figures cover what was done.").arg(seconds, 0, 'f', 2);
        break;
    case Outcome::Deadlock:
        line = tr("Ended by the watchdog after %1 s: no worker made progress any more (deadlock).")
                   .arg(seconds, 0, 'f', 2);
        break;
    case Outcome::Limit:
        line = tr("Ended at a limit after %1 s.").arg(seconds, 0, 'f', 2);
        break;
    case Outcome::Failed:
        line = tr("The run failed.");
        break;
    }
    // What the engine could see (the dead lock holder, the limit passed) is what a reader must be told.
    return model.cause().isEmpty() ? line : line + QLatin1Char(' ') + model.cause();
}

} // namespace ProcViz
