// A newsroom's app: the explainer from the installed package, with its stylesheet.
import { mount } from 'breach-explainer';
import 'breach-explainer/explainer.css';

mount(document.getElementById('explainer'), { lang: 'en' }).then(
  (handle) => { window.bxResult = { problems: handle.problems(), lang: handle.lang() }; },
  (error) => { window.bxResult = { error: String(error?.message ?? error) }; },
);
