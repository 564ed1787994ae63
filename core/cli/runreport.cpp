// SPDX-License-Identifier: GPL-3.0-or-later
#include "runreport.h"

#include "model/runmodel.h"
#include "scenario/scenario.h"
#include "telemetry/telemetryrecord.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QThread>

#include <cmath>
#include <string.h>

namespace ProcViz {

namespace {
QString seconds(double value)
{
    return QStringLiteral("%1 s").arg(value, 0, 'f', 2);
}

QString jsonText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Double: {
        const double v = value.toDouble();
        if (std::trunc(v) == v && std::abs(v) < 1e15)
            return QString::number(qint64(v));
        return std::abs(v) >= 1e6 ? QString::number(v, 'g', 6) : QString::number(v, 'f', 3);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: {
        // A count run logs thousands of messages: the summary shows both ends, the --json file all of them.
        constexpr qsizetype Head = 6, Tail = 2;
        const auto array = value.toArray();
        const auto compact = [](const QJsonArray& part) {
            return QString::fromUtf8(QJsonDocument(part).toJson(QJsonDocument::Compact));
        };
        if (array.size() <= Head + Tail + 2)
            return compact(array);
        QJsonArray head, tail;
        for (qsizetype i = 0; i < Head; ++i)
            head.append(array.at(i));
        for (qsizetype i = array.size() - Tail; i < array.size(); ++i)
            tail.append(array.at(i));
        return compact(head).chopped(1) + QLatin1Char(',')
            + QCoreApplication::translate("ProcViz::RunReport", "… %n more …", nullptr, int(array.size() - Head - Tail))
            + QLatin1Char(',') + compact(tail).mid(1);
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return QStringLiteral("—");
    }
}

QString ending(const WorkerInfo& worker)
{
    if (worker.signal) {
        const char* name = sigabbrev_np(*worker.signal);
        return name ? QStringLiteral("SIG") + QLatin1String(name) : QStringLiteral("signal %1").arg(*worker.signal);
    }
    if (worker.exitCode)
        return QStringLiteral("exit %1").arg(*worker.exitCode);
    return QStringLiteral("running");
}
} // namespace

QString RunReport::summary(const Scenario& scenario, const RunModel& model)
{
    QStringList params;
    for (const auto& spec : scenario.parameters().specs()) {
        if (model.params().contains(spec.name)) // a Python run records only what its program takes
            params.append(spec.name + QLatin1Char('=') + model.params().value(spec.name).toString());
    }
    QString text = scenario.title() + QLatin1Char('\n');
    const QString runtime = model.runtime() == QLatin1String("cpp") ? QString() : QStringLiteral(" · runtime ") + model.runtime();
    text += QStringLiteral("  %1 · %2%3\n").arg(scenario.id(), params.join(QLatin1Char(' ')), runtime);
    // The outcome in the words the window uses, its cause included; the cores say what "parallel" could mean.
    text += QStringLiteral("  ") + tr("%1 · %2 cores").arg(OutcomeText::sentence(model)).arg(QThread::idealThreadCount())
        + QStringLiteral("\n\n");
    if (!model.events().isEmpty()) {
        // A pipe count run records a thousand messages each way: a terminal shows the first and the last
        // ones; --trace keeps every event.
        constexpr qsizetype Head = 20, Tail = 5;
        const auto& events = model.events();
        const auto line = [](const EventRecord& event) {
            return QStringLiteral("  %1  %2\n").arg(seconds(double(event.timeNs) / 1e9).rightJustified(9), event.text);
        };
        text += tr("Events") + QLatin1Char('\n');
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (events.size() > Head + Tail + 1 && i == Head) {
                text += QStringLiteral("  ")
                    + tr("… %n more event(s); --trace keeps them all …", nullptr, int(events.size() - Head - Tail))
                    + QLatin1Char('\n');
                i = events.size() - Tail;
            }
            text += line(events.at(i));
        }
        text += QLatin1Char('\n');
    }
    text += tr("Workers") + QLatin1Char('\n') + workerLines(model) + QLatin1Char('\n');
    text += tr("Result") + QLatin1Char('\n') + resultLines(model.result()) + QLatin1Char('\n');
    text += tr("Checks") + QLatin1Char('\n');
    for (const auto& check : model.checks()) {
        text += QStringLiteral("  %1 %2: %3\n")
                    .arg(check.passed ? QStringLiteral("✓") : QStringLiteral("✗"), check.name, check.detail);
        if (!check.passed && !check.expectedToPass)
            text
                += QStringLiteral("    ") + tr("(expected: this failure is what the lesson shows)") + QLatin1Char('\n');
    }
    return text;
}

QString RunReport::timeInStates(const RunModel& model, const WorkerInfo& worker)
{
    // What it spent its time on, as measured: the states of a millisecond or more, in the lesson's order.
    const auto totals = RunModel::workerTotals(worker, model.nowNs());
    QStringList parts;
    for (int state = 0; state < WorkerStateCount; ++state) {
        if (WorkerState(state) != WorkerState::Done && totals[size_t(state)] >= 1'000'000)
            parts.append(QStringLiteral("%1 %2").arg(stateName(WorkerState(state)), seconds(double(totals[size_t(state)]) / 1e9)));
    }
    return parts.join(QStringLiteral(" · "));
}

QString RunReport::workerLines(const RunModel& model)
{
    // One line per worker while that stays readable; past that one line for each crowded phase, so 64
    // workers do not bury the result.
    constexpr qsizetype MaxWorkerLines = 16;
    constexpr qsizetype MaxLinesPerPhase = 4;
    QString text;
    for (const auto& phase : model.phases()) {
        if (model.workers().size() <= MaxWorkerLines || phase.workerIds.size() <= MaxLinesPerPhase) {
            for (int id : phase.workerIds) {
                const auto& w = model.workers().at(id);
                text += QStringLiteral("  %1 %2 %3 %4 %5  %6\n")
                            .arg(phase.name.leftJustified(11),
                                QStringLiteral("%1 %2").arg(w.role).arg(w.index).leftJustified(12),
                                QStringLiteral("pid %1").arg(w.pid).leftJustified(11), ending(w).leftJustified(8),
                                tr("cpu %1").arg(seconds(w.cpuSeconds)).leftJustified(10), timeInStates(model, w));
            }
            continue;
        }
        QMap<QString, int> endings;
        qint64 firstPid = 0;
        qint64 lastPid = 0;
        double cpu = 0;
        for (int id : phase.workerIds) {
            const auto& w = model.workers().at(id);
            ++endings[ending(w)];
            firstPid = firstPid ? std::min(firstPid, w.pid) : w.pid;
            lastPid = std::max(lastPid, w.pid);
            cpu += w.cpuSeconds;
        }
        QStringList ends;
        for (auto it = endings.cbegin(); it != endings.cend(); ++it)
            ends.append(QStringLiteral("%1× %2").arg(it.value()).arg(it.key()));
        text += QStringLiteral("  %1 ").arg(phase.name.leftJustified(11))
            + tr("%1 workers, pids %2–%3, %4, cpu %5")
                  .arg(phase.workerIds.size())
                  .arg(firstPid)
                  .arg(lastPid)
                  .arg(ends.join(QLatin1String(", ")), seconds(cpu))
            + QLatin1Char('\n');
    }
    return text;
}

QString RunReport::resultLines(const QJsonObject& result)
{
    QString text;
    const QJsonArray modes = result.value(QLatin1String("modes")).toArray();
    if (!modes.isEmpty()) {
        text
            += QStringLiteral("  %1 %2 %3\n")
                   .arg(tr("mode").leftJustified(20), tr("elapsed").rightJustified(9), tr("speedup").rightJustified(9));
        for (const auto& value : modes) {
            const auto entry = value.toObject();
            QString mode = entry.value(QLatin1String("mode")).toString();
            if (mode == QLatin1String("gil"))
                mode += QLatin1Char(' ') + tr("(emulated GIL)");
            const auto speedup = entry.value(QLatin1String("speedup"));
            const QString speedupText = speedup.isDouble()
                ? QString::number(speedup.toDouble(), 'f', 2) + QStringLiteral("×")
                : QStringLiteral("—");
            text += QStringLiteral("  %1 %2 %3\n")
                        .arg(mode.leftJustified(20),
                            seconds(entry.value(QLatin1String("elapsed_s")).toDouble()).rightJustified(9),
                            speedupText.rightJustified(9));
        }
    }
    for (auto it = result.constBegin(); it != result.constEnd(); ++it) {
        if (!modes.isEmpty() && it.key() == QLatin1String("modes"))
            continue;
        const auto rows = it.value().toArray();
        if (!rows.isEmpty() && rows.first().isObject())
            text += QStringLiteral("  %1\n").arg(it.key() + QLatin1Char(':')) + tableLines(rows);
        else
            text += QStringLiteral("  %1 %2\n")
                        .arg(QString(it.key() + QLatin1Char(':')).leftJustified(20), jsonText(it.value()));
    }
    return text;
}

QString RunReport::tableLines(const QJsonArray& rows)
{
    // A list of records (one per worker, say) reads best as columns under the keys of its first record.
    const QStringList keys = rows.first().toObject().keys();
    QList<qsizetype> widths;
    for (const auto& key : keys) {
        qsizetype width = key.size();
        for (const auto& row : rows)
            width = std::max(width, jsonText(row.toObject().value(key)).size());
        widths.append(width);
    }
    QString text = QStringLiteral("    ");
    for (qsizetype i = 0; i < keys.size(); ++i)
        text += keys.at(i).rightJustified(widths.at(i) + 2);
    text += QLatin1Char('\n');
    for (const auto& row : rows) {
        text += QStringLiteral("    ");
        for (qsizetype i = 0; i < keys.size(); ++i)
            text += jsonText(row.toObject().value(keys.at(i))).rightJustified(widths.at(i) + 2);
        text += QLatin1Char('\n');
    }
    return text;
}

QString RunReport::progressLine(const RunModel& model)
{
    constexpr int BarWidth = 24;
    const auto& phases = model.phases();
    double progress = 0;
    QString phase;
    if (!phases.isEmpty()) {
        phase = phases.last().name.left(20);
        for (int id : phases.last().workerIds)
            progress += model.workers().at(id).progress();
        if (!phases.last().workerIds.isEmpty())
            progress /= double(phases.last().workerIds.size());
    }
    const int filled = int(progress * BarWidth + 0.5);
    return QStringLiteral("%1 [%2%3] %4%  %5  %6")
        .arg(phase, QString(filled, QChar(0x2588)), QString(BarWidth - filled, QChar(0x2591)))
        .arg(int(progress * 100), 3)
        .arg(tr("%n live", nullptr, model.liveWorkerCount()), seconds(model.elapsedSeconds(monotonicNowNs())));
}

} // namespace ProcViz
