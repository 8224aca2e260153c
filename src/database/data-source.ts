import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config';
import { dataSourceOptions } from './data-source-options';

// For the TypeORM CLI (`npm run migration:generate`, `npm run migration:run`). With no DATABASE_URL it
// points at the embedded server, which must be running (`npm start` in another terminal).
export default new DataSource(dataSourceOptions(loadConfig().database.url));
