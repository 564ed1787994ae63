// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewmenu.h"

#include "presentationmode.h"
#include "themeswitcher.h"

#include <QAction>
#include <QEvent>

namespace ProcViz {

ViewMenu::ViewMenu(PresentationMode* presentation, ThemeSwitcher* themes, QWidget* parent)
    : QMenu(parent)
    , m_presentation(presentation)
    , m_themes(themes)
    , m_themeMenu(new QMenu(this))
    , m_handoffs(new QAction(this))
{
    setObjectName(QStringLiteral("viewMenu"));
    m_themeMenu->setObjectName(QStringLiteral("themeMenu"));
    m_themeMenu->addActions(themes->actions());
    addAction(presentation->toggleAction());
    addMenu(m_themeMenu);
    m_handoffs->setObjectName(QStringLiteral("showHandoffs"));
    m_handoffs->setCheckable(true);
    m_handoffs->setChecked(true);
    addAction(m_handoffs);
    addSeparator();
    addActions(presentation->keyActions());
    retranslate();
}

void ViewMenu::retranslate()
{
    setTitle(tr("&View"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_handoffs->setText(tr("Show &Hand-offs"));
    m_handoffs->setToolTip(tr("Arrows between the lanes: a queue item, a message, a permit or the lock passing "
                              "from one process to another"));
    m_presentation->retranslate();
    m_themes->retranslate();
}

void ViewMenu::changeEvent(QEvent* event)
{
    QMenu::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace ProcViz
