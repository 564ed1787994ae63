// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariopanels.h"

#include "chatpanel.h"
#include "lockpanel.h"
#include "samplelinepanel.h"
#include "semaphorepanel.h"
#include "timingpanel.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace ProcViz {

namespace {
// Free functions only: a tr() here would be filed by lupdate under the namespace, so each text names its context.

// "PID 1234: 5 · PID 1235: 4" from an object keyed by PID; @p format reads the same in every language.
QString perPid(const QJsonObject& counts, const char* format)
{
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        parts.append(QString::fromUtf8(format).arg(it.key()).arg(it.value().toVariant().toString()));
    return parts.join(QLatin1Char('\n'));
}
QString queueSummary(const QJsonObject& result)
{
    QString text = QCoreApplication::translate("ProcViz::ScenarioPanels", "items per consumer:");
    text += QLatin1Char('\n');
    text += perPid(result.value(QLatin1String("per_consumer")).toObject(), "PID %1 → %2");
    // Each consumer passes the sentinel on before it leaves, so the last one leaves it in the queue, as in
    // Python; without a word the 1 at the end of the chart reads like an item nobody took.
    if (result.value(QLatin1String("outcome")).toString() == QLatin1String("completed")) {
        text += QLatin1Char('\n');
        text += QCoreApplication::translate("ProcViz::ScenarioPanels", "the 1 left at the end: the sentinel (None)");
    }
    return text;
}

QString poolSummary(const QJsonObject& result)
{
    QString text = QCoreApplication::translate("ProcViz::ScenarioPanels", "tasks per worker:");
    text += QLatin1Char('\n');
    text += perPid(result.value(QLatin1String("tasks_per_worker")).toObject(), "PID %1 → %2");
    text += QLatin1Char('\n');
    text += QCoreApplication::translate("ProcViz::ScenarioPanels", "imbalance (max ÷ mean busy): %1×")
                .arg(result.value(QLatin1String("imbalance")).toDouble(), 0, 'f', 2);
    return text;
}
} // namespace

QWidget* createScenarioPanel(const QString& scenarioId, QWidget* parent)
{
    if (scenarioId == QLatin1String("timing"))
        return new TimingPanel(parent);
    if (scenarioId == QLatin1String("lock"))
        return new LockPanel(parent);
    if (scenarioId == QLatin1String("semaphore"))
        return new SemaphorePanel(parent);
    if (scenarioId == QLatin1String("queue")) {
        return new SampleLinePanel(
            {QStringLiteral("depth"), QT_TRANSLATE_NOOP("ProcViz::ScenarioPanels", "items in the queue"),
                QStringLiteral("capacity"), QT_TRANSLATE_NOOP("ProcViz::ScenarioPanels", "capacity: %1"),
                &queueSummary},
            parent);
    }
    if (scenarioId == QLatin1String("pool")) {
        return new SampleLinePanel(
            {QStringLiteral("tasks_done"), QT_TRANSLATE_NOOP("ProcViz::ScenarioPanels", "tasks done"),
                QStringLiteral("tasks"), QT_TRANSLATE_NOOP("ProcViz::ScenarioPanels", "all %1 tasks"), &poolSummary},
            parent);
    }
    if (scenarioId == QLatin1String("pipe"))
        return new ChatPanel(parent);
    return nullptr;
}

QString scenarioPanelTitle(const QString& scenarioId)
{
    if (scenarioId == QLatin1String("timing"))
        return QCoreApplication::translate("ProcViz::ScenarioPanels", "Elapsed time per mode (kept across runs)");
    if (scenarioId == QLatin1String("lock"))
        return QCoreApplication::translate("ProcViz::ScenarioPanels", "Shared counter against the ideal");
    if (scenarioId == QLatin1String("semaphore"))
        return QCoreApplication::translate("ProcViz::ScenarioPanels", "Permits in use");
    if (scenarioId == QLatin1String("queue"))
        return QCoreApplication::translate("ProcViz::ScenarioPanels", "Queue depth over time");
    if (scenarioId == QLatin1String("pool"))
        return QCoreApplication::translate("ProcViz::ScenarioPanels", "Tasks done, and who did them");
    if (scenarioId == QLatin1String("pipe"))
        return QCoreApplication::translate("ProcViz::ScenarioPanels", "Chat through the pipe");
    return {};
}

} // namespace ProcViz
