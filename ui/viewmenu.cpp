// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewmenu.h"

#include "presentationmode.h"
#include "themeswitcher.h"

#include <QEvent>

namespace ProcViz {

ViewMenu::ViewMenu(PresentationMode* presentation, ThemeSwitcher* themes, QWidget* parent)
    : QMenu(parent)
    , m_presentation(presentation)
    , m_themes(themes)
    , m_themeMenu(new QMenu(this))
{
    setObjectName(QStringLiteral("viewMenu"));
    m_themeMenu->setObjectName(QStringLiteral("themeMenu"));
    m_themeMenu->addActions(themes->actions());
    addAction(presentation->toggleAction());
    addMenu(m_themeMenu);
    addSeparator();
    addActions(presentation->keyActions());
    retranslate();
}

void ViewMenu::retranslate()
{
    setTitle(tr("&View"));
    m_themeMenu->setTitle(tr("&Theme"));
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
