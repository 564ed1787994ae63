// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

/// Microseconds per state id that a Chrome trace's state slices give the process @p pid: plain slices by
/// their duration, each `mixed` slice by its `<state>_ns` shares.
inline QHash<QString, double> traceStateMicros(const QJsonObject& trace, qint64 pid)
{
    QHash<QString, double> micros;
    for (const auto& value : trace.value(QLatin1String("traceEvents")).toArray()) {
        const auto event = value.toObject();
        if (event.value(QLatin1String("ph")).toString() != QLatin1String("X")
            || event.value(QLatin1String("pid")).toInteger() != pid
            || event.value(QLatin1String("cat")).toString() != QLatin1String("state"))
            continue;
        const QString name = event.value(QLatin1String("name")).toString();
        if (name != QLatin1String("mixed")) {
            micros[name] += event.value(QLatin1String("dur")).toDouble();
            continue;
        }
        const auto shares = event.value(QLatin1String("args")).toObject();
        for (auto it = shares.begin(); it != shares.end(); ++it)
            micros[it.key().chopped(3)] += double(it.value().toInteger()) / 1000; // "<state>_ns"
    }
    return micros;
}
