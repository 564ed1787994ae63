// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace ProcViz {

/// The chart a scenario has of its own, beside the ones every run gets, described for the window (the core
/// knows no widgets): which kind of panel draws it and the figures it shows, computed here from the
/// scenario's parameters and result, so that no panel reads a parameter or a result field by name.
struct PanelSpec
{
    /// The kinds of panel the window has; a new kind of chart is a panel file of its own in ui/panels/, which
    /// registers itself under its kind.
    static inline const QString SampleLine = QStringLiteral("sample-line"); ///< one sampled run-wide value, over time
    static inline const QString Timing = QStringLiteral("timing"); ///< elapsed time per mode, kept across runs
    static inline const QString Chat = QStringLiteral("chat"); ///< the run's messages, and a line to type to a worker

    /// What a sample line says once the run is over, and in which light.
    struct Callout
    {
        enum class Tone
        {
            Neutral, ///< a summary
            Good, ///< the lesson's happy ending, e.g. no update lost (bluish green)
            Bad, ///< what went wrong, e.g. updates lost (vermillion)
        };
        QString text; ///< translated; empty: no callout
        Tone tone = Tone::Neutral;
    };

    QString kind; ///< one of the kinds above (or a panel's own); empty: no panel
    const char* title = ""; ///< untranslated, QT_TRANSLATE_NOOP("ProcViz::Scenario", ...)

    // Kind::SampleLine
    QString sample; ///< the name of the run sample drawn (RunResources::sample())
    const char* axisLabel = ""; ///< untranslated like the title
    const char* shortAxisLabel = ""; ///< when the long one does not fit
    bool steps = true; ///< a count that jumps (items, permits); false: a line between samples (a counter)
    bool filled = false; ///< the area under the line shaded
    /// A level drawn as a dashed line: one to reach (the ideal) or one never to pass (a bound); none by default.
    enum class Level
    {
        Ideal,
        Bound,
    };
    Level level = Level::Ideal;
    std::function<std::optional<qint64>(const QVariantMap& params)> levelValue;
    const char* levelLabel = ""; ///< untranslated like the title; "%L1" is the level
    /// The value axis reaches at least this far (e.g. every worker, for permits in use).
    std::function<qint64(const QVariantMap& params)> rangeAtLeast;
    std::function<Callout(const QJsonObject& result)> callout;
};

} // namespace ProcViz
