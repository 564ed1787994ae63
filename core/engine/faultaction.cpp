// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultaction.h"

#include <QCoreApplication>

#include <csignal>

namespace ProcViz {

namespace {
constexpr double MaxSeconds = 86400;
}

int FaultAction::signal() const
{
    switch (kind) {
    case Kind::Kill:
        return SIGKILL;
    case Kind::Stop:
        return SIGSTOP;
    case Kind::Continue:
        return SIGCONT;
    }
    return SIGKILL;
}

QString FaultAction::optionName() const
{
    switch (kind) {
    case Kind::Kill:
        return QStringLiteral("kill");
    case Kind::Stop:
        return QStringLiteral("stop");
    case Kind::Continue:
        return QStringLiteral("cont");
    }
    return {};
}

QString FaultAction::signalName() const
{
    return QLatin1String("SIG") + QString::fromLatin1(sigabbrev_np(signal()));
}

std::optional<FaultAction> FaultAction::parse(Kind kind, QStringView text, QString* error)
{
    FaultAction action;
    action.kind = kind;
    const auto at = text.indexOf(QLatin1Char('@'));
    const auto target = at < 0 ? QStringView() : text.left(at).trimmed();
    bool timeOk = false;
    action.atSeconds = at < 0 ? 0 : text.mid(at + 1).trimmed().toDouble(&timeOk);
    bool indexOk = target == QLatin1String("holder");
    if (!indexOk) {
        action.workerIndex = target.toInt(&indexOk);
        indexOk = indexOk && action.workerIndex >= 0;
    }
    if (!indexOk || !timeOk || action.atSeconds < 0 || action.atSeconds > MaxSeconds) {
        *error = QCoreApplication::translate("ProcViz::FaultAction",
            "Invalid value '%1' for --%2: allowed is TARGET@SECONDS, where TARGET is a worker index (0, 1, ...) "
            "or 'holder' and SECONDS a time from 0 to %3 after the start, e.g. holder@1.5.")
                     .arg(text.toString(), action.optionName())
                     .arg(MaxSeconds);
        return std::nullopt;
    }
    return action;
}

} // namespace ProcViz
