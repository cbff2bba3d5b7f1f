export const APP_NAME = '办公室台账';
