// SPDX-License-Identifier: GPL-3.0-or-later
#include "presentationmode.h"

#include "engine/runcontroller.h"
#include "fontscaling.h"
#include "scenariolist.h"
#include "themeswitcher.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QScrollBar>
#include <QTextBrowser>

namespace ProcViz {

namespace {
QAction* makeAction(const char* name, const QKeySequence& key, QObject* parent)
{
    auto* action = new QAction(parent);
    action->setObjectName(QLatin1String(name));
    action->setShortcut(key);
    return action;
}
} // namespace

PresentationMode::PresentationMode(Context context, QObject* parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_window(m_context.window)
    , m_toggle(makeAction("presentation", Qt::Key_F11, this))
    , m_runPause(makeAction("runPause", Qt::Key_Space, this))
    , m_stop(makeAction("stopOrLeave", Qt::Key_Escape, this))
    , m_previous(makeAction("previousScenario", Qt::Key_PageUp, this))
    , m_next(makeAction("nextScenario", Qt::Key_PageDown, this))
    , m_previousByWord(makeAction("previousScenarioAlt", QKeySequence(Qt::CTRL | Qt::Key_Left), this))
    , m_nextByWord(makeAction("nextScenarioAlt", QKeySequence(Qt::CTRL | Qt::Key_Right), this))
{
    m_toggle->setCheckable(true);
    connect(m_toggle, &QAction::toggled, this, &PresentationMode::setActive);
    connect(m_runPause, &QAction::triggered, this, &PresentationMode::runOrPause);
    connect(m_stop, &QAction::triggered, this, &PresentationMode::stopOrLeave);
    connect(m_previous, &QAction::triggered, this, [this] { stepScenario(-1, Qt::Key_PageUp); });
    connect(m_next, &QAction::triggered, this, [this] { stepScenario(+1, Qt::Key_PageDown); });
    connect(m_previousByWord, &QAction::triggered, this, [this] { stepScenario(-1, 0); });
    connect(m_nextByWord, &QAction::triggered, this, [this] { stepScenario(+1, 0); });
    // On the window itself, not only in its menu: the keys must work with the menu bar hidden.
    m_window->addActions({m_toggle, m_runPause, m_stop, m_previous, m_next, m_previousByWord, m_nextByWord});
    retranslate();
}

QList<QAction*> PresentationMode::keyActions() const
{
    return {m_runPause, m_stop, m_previous, m_next};
}

void PresentationMode::retranslate()
{
    m_toggle->setText(tr("&Presentation Mode"));
    m_toggle->setToolTip(tr("Large type, strong colours, full screen: for a projector (F11)"));
    m_runPause->setText(tr("Run / Pause / Resume"));
    m_stop->setText(tr("Stop the Run (or Leave Presentation Mode)"));
    m_previous->setText(tr("Previous Scenario"));
    m_previous->setToolTip(tr("Previous scenario (Page Up or Ctrl+Left)"));
    m_next->setText(tr("Next Scenario"));
    m_next->setToolTip(tr("Next scenario (Page Down or Ctrl+Right)"));
}

void PresentationMode::setActive(bool on)
{
    if (on == m_active)
        return;
    m_active = on;
    {
        const QSignalBlocker blocker(m_toggle);
        m_toggle->setChecked(on);
    }
    scaleFonts(m_window, on ? FontFactor : 1.0 / FontFactor);
    m_context.themes->setHighContrast(on);
    // A narrow list in large type would wrap the summaries into items taller than the screen.
    m_context.scenarios->setCompact(on);
    if (m_fullScreenAllowed)
        setFullScreen(on);
    Q_EMIT activeChanged(on);
}

void PresentationMode::setFullScreen(bool on)
{
    if (on) {
        m_wasFullScreen = m_window->isFullScreen();
        m_geometryBefore = m_window->saveGeometry();
        m_window->setWindowState(m_window->windowState() | Qt::WindowFullScreen);
    } else if (!m_wasFullScreen) {
        // The saved geometry also says whether the window was maximized.
        m_window->setWindowState(m_window->windowState() & ~Qt::WindowFullScreen);
        m_window->restoreGeometry(m_geometryBefore);
        m_geometryBefore.clear();
    }
}

QByteArray PresentationMode::windowGeometry() const
{
    return m_active && !m_geometryBefore.isEmpty() ? m_geometryBefore : m_window->saveGeometry();
}

void PresentationMode::runOrPause()
{
    if (forwardToFocus(Qt::Key_Space))
        return;
    auto& controller = *m_context.controller;
    if (!controller.isRunning())
        m_context.run(); // does nothing when the parameters are refused: the form says why
    else if (controller.isPaused())
        controller.resume();
    else
        controller.pause();
}

void PresentationMode::stopOrLeave()
{
    if (m_context.controller->isRunning())
        m_context.controller->stop();
    else if (m_active)
        setActive(false);
}

void PresentationMode::stepScenario(int delta, int pageKey)
{
    if (pageKey != 0 && forwardToFocus(pageKey))
        return;
    // The list is locked during a run (choosing another scenario would stop it): so are its keys.
    auto* list = m_context.scenarios;
    if (m_context.controller->isRunning() || list->count() == 0)
        return;
    list->setCurrentRow(std::clamp(list->currentRow() + delta, 0, list->count() - 1));
}

bool PresentationMode::forwardToFocus(int key) const
{
    // A shortcut sees the key before the focused widget: do for the controls that use it what the key
    // would have done there. (A synthetic key event would only come back here through the shortcut.)
    QWidget* focus = QApplication::focusWidget();
    if (!focus || focus->window() != m_window)
        return false;
    if (key == Qt::Key_Space) {
        if (auto* button = qobject_cast<QAbstractButton*>(focus)) {
            button->animateClick();
            return true;
        }
        if (auto* combo = qobject_cast<QComboBox*>(focus)) {
            combo->showPopup();
            return true;
        }
        return false;
    }
    if (auto* text = qobject_cast<QTextBrowser*>(focus)) {
        text->verticalScrollBar()->triggerAction(
            key == Qt::Key_PageUp ? QAbstractSlider::SliderPageStepSub : QAbstractSlider::SliderPageStepAdd);
        return true;
    }
    return false;
}

} // namespace ProcViz
