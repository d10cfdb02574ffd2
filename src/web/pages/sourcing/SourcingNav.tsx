import { NavLink } from 'react-router-dom';

/** The Sourcing area's parts: pools of people, the e-mail templates and the sequences that send them. */
export function SourcingNav() {
  return (
    <nav className="sourcing-nav" aria-label="Sourcing">
      <NavLink to="/sourcing" end>Pools</NavLink>
      <NavLink to="/sourcing/templates">Templates</NavLink>
      <NavLink to="/sourcing/sequences">Sequences</NavLink>
    </nav>
  );
}
