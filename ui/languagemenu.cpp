// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemenu.h"

#include "i18n/translations.h"

#include <QActionGroup>
#include <QEvent>

namespace ProcViz {

namespace {
QString endonym(const QString& language)
{
    // Not translated on purpose: a language is listed under its own name.
    return language == QLatin1String("ko") ? QStringLiteral("한국어") : QStringLiteral("English");
}
} // namespace

LanguageMenu::LanguageMenu(Translations* translations, QWidget* parent)
    : QMenu(parent)
    , m_translations(translations)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("languageMenu"));
    m_group->setExclusive(true);
    for (const QString& language : Translations::languages()) {
        auto* action = addAction(endonym(language));
        action->setObjectName(QLatin1String("language_") + language);
        action->setData(language);
        action->setCheckable(true);
        m_group->addAction(action);
    }
    connect(m_group, &QActionGroup::triggered, this,
        [this](QAction* action) { m_translations->setLanguage(action->data().toString()); });
    connect(m_translations, &Translations::languageChanged, this, &LanguageMenu::check);
    check(m_translations->language());
    retranslate();
}

void LanguageMenu::changeEvent(QEvent* event)
{
    QMenu::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void LanguageMenu::retranslate()
{
    setTitle(tr("&Language"));
}

void LanguageMenu::check(const QString& language)
{
    for (auto* action : m_group->actions())
        action->setChecked(action->data().toString() == language);
}

} // namespace ProcViz
