import { defineErrors } from '../../kernel/errors.js';

export const occupancyErrors = defineErrors('occupancy', {
  overlap: { status: 409, title: 'The member already has an overlapping occupancy of the unit in that role' },
  shares_exceed_whole: { status: 409, title: 'The owners’ shares would total more than the whole' },
  managed_by_lease: { status: 409, title: 'The occupancy is managed by its lease', description: 'The occupancy was made by a lease (`leaseId`), which manages it: change the lease instead' },
  start_date_fixed: { status: 409, title: 'The occupancy has begun, so its start date stays' },
});
