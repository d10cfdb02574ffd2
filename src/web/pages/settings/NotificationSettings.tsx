import { can } from '../../api/types.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { NotificationDeliverySection } from './NotificationDeliverySection.js';
import { NotificationPreferencesSection } from './NotificationPreferencesSection.js';
import './notification-settings.css';

// Endpoints of docs/interviews-offers.md: GET/PUT /notifications/preferences (everyone), /notifications/settings (company.update).

/** Settings › Notifications: each person's channels and digest; for admins, the company's SMTP relay and chat webhook. */
export function NotificationSettings() {
  useDocumentTitle(['Notifications', 'Settings']);
  const user = useCurrentUser();
  return (
    <>
      <NotificationPreferencesSection />
      {can(user.role, 'company.update') ? <NotificationDeliverySection /> : null}
    </>
  );
}
