// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class QCustomPlot;
class QWidget;

namespace ProcViz {

class FollowState;
class RunModel;

/// The chart a scenario has of its own, beside the ones every run gets: what the charts page and the exports
/// ask of it, whatever it draws. Made by the PanelRegistry from the scenario's PanelSpec::kind; each kind is
/// one file pair in ui/panels/.
///
/// A panel shows the run in its model only when the run is of its own scenario: the model may still hold the
/// last run of another one, whose parameters and result the panel's figures do not fit.
class ScenarioPanel
{
public:
    /// Where a line the user typed for the run goes (the window sends it to the scenario's input worker).
    using InputSink = std::function<void(const QString& line)>;

    virtual ~ScenarioPanel() = default;

    /// The panel itself, for a layout (owned by its parent, as any widget).
    virtual QWidget* widget() = 0;
    /// The model must outlive the panel or be replaced first; nullptr detaches.
    virtual void setModel(const RunModel* model) = 0;
    /// Shared with the other charts: a zoom on a time axis stops following the live run. None by default.
    virtual void setFollowState(FollowState* follow);
    virtual void restart() = 0; ///< a run begins
    virtual void refresh() = 0; ///< take in everything now (a run ended, a picture is taken)
    /// The plot the exports save (Save chart as PNG / PDF, Copy); nullptr for a panel that draws none (chat).
    virtual QCustomPlot* plot() const;
    /// For a panel with a box to type into; others ignore it.
    virtual void setInputSink(InputSink sink);

    /// A text a scenario marked with QT_TRANSLATE_NOOP("ProcViz::Scenario", ...) (PanelSpec's titles and
    /// labels), in the language of the moment.
    static QString scenarioText(const char* text);
};

} // namespace ProcViz
