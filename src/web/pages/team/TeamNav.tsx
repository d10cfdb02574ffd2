import { NavLink } from 'react-router-dom';

/** The Team area's two views: the hiring plan and how candidates see the company. */
export function TeamNav() {
  return (
    <nav aria-label="Team sections" className="subnav">
      <ul>
        <li>
          <NavLink to="/team" end className="subnav-link">
            Hiring plan
          </NavLink>
        </li>
        <li>
          <NavLink to="/team/company" className="subnav-link">
            Attractiveness
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
