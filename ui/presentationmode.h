// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace ProcViz {

class RunController;
class ScenarioList;
class ThemeSwitcher;

/// The window as a class sees it on a projector: fonts at 150 %, high-contrast colours, full screen, less
/// chrome (the window hides its extras on activeChanged()). Also the keys a presenter uses, here and outside
/// it: Space runs, pauses and resumes; Esc stops (and, when nothing runs, leaves presentation mode);
/// Page Up / Page Down (a presenter's clicker) and Ctrl+Left / Ctrl+Right step through the scenarios.
///
/// Keys the focused control needs for itself stay its own: text fields and spin boxes take Space (and
/// Ctrl+arrows) before any shortcut sees it, a focused button or combo box gets Space to press or open,
/// and the lesson text keeps Page Up / Page Down to scroll.
class PresentationMode : public QObject
{
    Q_OBJECT
public:
    /// 150 %: at 175 % the charts of a 1920×1080 screen (a quarter of the middle each, beside the lesson)
    /// kept too little room inside their axes, and the timing chart's bars none at 1280×720.
    static constexpr double FontFactor = 1.5;

    /// What presentation mode works with: the window is reached through these and nothing else.
    struct Context
    {
        QWidget* window = nullptr; ///< scaled, made full screen, and given the keys
        ThemeSwitcher* themes = nullptr;
        ScenarioList* scenarios = nullptr; ///< made compact; Page Up / Page Down step through it
        RunController* controller = nullptr; ///< paused, resumed and stopped by the keys
        std::function<void()> run; ///< a run as the window starts one (nothing while its parameters are refused)
    };

    explicit PresentationMode(Context context, QObject* parent = nullptr);

    bool isActive() const { return m_active; }
    void setActive(bool on);
    /// Presentation mode normally fills the screen; `procviz shot` keeps the picture's size instead.
    void setFullScreenAllowed(bool allowed) { m_fullScreenAllowed = allowed; }

    /// The window's geometry (QWidget::saveGeometry()) as it was before presentation mode made it full
    /// screen: what to remember for the next start, which will make it full screen again.
    QByteArray windowGeometry() const;

    QAction* toggleAction() const { return m_toggle; }
    /// Run / pause, stop, previous and next scenario: the keys of the class.
    QList<QAction*> keyActions() const;
    void retranslate();

Q_SIGNALS:
    void activeChanged(bool on);

private:
    void runOrPause();
    void stopOrLeave();
    void stepScenario(int delta, int pageKey);
    void setFullScreen(bool on);
    bool forwardToFocus(int key) const;

    Context m_context;
    QWidget* m_window; ///< m_context.window, the one most used
    QAction* m_toggle;
    QAction* m_runPause;
    QAction* m_stop;
    QAction* m_previous;
    QAction* m_next;
    QAction* m_previousByWord; ///< Ctrl+Left: a second key for m_previous that no widget here scrolls with
    QAction* m_nextByWord;
    bool m_active = false;
    bool m_fullScreenAllowed = true;
    bool m_wasFullScreen = false;
    QByteArray m_geometryBefore;
};

} // namespace ProcViz
